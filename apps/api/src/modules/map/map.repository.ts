import { Injectable } from '@nestjs/common';
import type { ObjectLiteral } from 'typeorm';
import { ScopedData } from '../../common/access/scoped-data';
import type { ScopedSelectQueryBuilder } from '../../common/access/scoped-query-builder';
import { DataVersions } from '../../common/database/data-versions';
import type { InnerCells } from './map-cell-cache';
import type { MapLayerSource } from './map-layer';

type Query = ScopedSelectQueryBuilder<ObjectLiteral>;

/** A record on the map. */
export interface MapPointRow {
  id: string;
  lon: number;
  lat: number;
  category: string | null;
  label: string | null;
  /** the layer's `scoreExpression`, when it has one */
  score?: number | null;
}

/** The records of one grid cell. */
export interface MapCellRow {
  cx: number;
  cy: number;
  n: number;
  sumLon: number;
  sumLat: number;
  minLon: number;
  minLat: number;
  maxLon: number;
  maxLat: number;
  /** records per category of the layer's vocabulary (same order), then those without one */
  counts: number[];
  /** the record, when the cell holds one */
  id: string | null;
}

/** A category as a SQL literal: vocabulary codes only (they come from libs/contracts, never from a request). */
function categoryLiteral(category: string): string {
  if (!/^[a-z][a-z0-9_]*$/.test(category)) throw new Error(`map: not a category code: ${category}`);
  return `'${category}'`;
}

/** The SQL of a record's category: the layer's expression, else its column on alias `a`. */
function categoryOf(source: MapLayerSource): string {
  return source.categoryExpression ?? `a.${source.categoryColumn}`;
}

/** The resolution of the stored Mercator position (`map_x`, `map_y`): 2^30 units across the world (~4 cm). */
const MERCATOR_BITS = 30;

/**
 * The map's queries. Each starts from a layer's `filtered` query (the register's policy and
 * filters, bound by the door on alias `a`) and only selects from it: points, or grid cells in an
 * outer shell (`door.run`), never another table.
 */
@Injectable()
export class MapRepository {
  constructor(
    private readonly door: ScopedData,
    private readonly versions: DataVersions,
  ) {}

  private cellIdExpression?: Promise<string>;

  /**
   * The record of a one-record cell: `any_value` where the server has it (PostgreSQL 16+), else the
   * least id as text in the C collation (PostgreSQL 15 has neither any_value nor min(uuid); the cast
   * costs ~10% of the cell query at the whole-metro zoom). Asked once per process.
   */
  private cellId(): Promise<string> {
    this.cellIdExpression ??= this.door
      .unscoped('the server version decides an SQL function; no tenant table is read')
      .query(`SELECT current_setting('server_version_num')::int AS v`)
      .then((rows: { v: number }[]) => (rows[0].v >= 160000 ? 'any_value(p.id)' : 'min(p.id::text COLLATE "C")::uuid'))
      .catch((error: unknown) => {
        this.cellIdExpression = undefined;
        throw error;
      });
    return this.cellIdExpression;
  }

  /**
   * The layer's data version in the tenant (`map_versions`, migration 1764810000000): changed at the
   * commit of every write the layer's query could see; null when the tenant has none yet.
   */
  async version(tenantId: string, layer: string): Promise<string | null> {
    if (!['activities', 'buildings', 'organizations', 'initiatives'].includes(layer)) throw new Error(`map: not a layer: ${layer}`);
    return (await this.versions.read(tenantId, layer))?.version ?? null;
  }

  /** At most `limit` records of the query, with their point, category and label. */
  async points(source: MapLayerSource, qb: Query, limit: number, ids?: readonly string[]): Promise<MapPointRow[]> {
    const q = qb
      .select('a.id', 'id')
      .addSelect('a.lon', 'lon')
      .addSelect('a.lat', 'lat')
      .addSelect(categoryOf(source), 'category')
      .addSelect(`a.${source.labelColumn}`, 'label')
      .andWhere('a.lat IS NOT NULL');
    if (source.scoreExpression) q.addSelect(source.scoreExpression, 'score');
    if (ids) q.andWhere('a.id IN (:...mapIds)', { mapIds: ids });
    return q.limit(limit).getRawMany<MapPointRow>();
  }

  /**
   * The records of the query grouped by Web Mercator grid cell (`cells` × `cells` over the world, a
   * power of two ≤ 2^30): count, sums for the mean point, extent, records per category, and the
   * record of a cell that holds one. The cell of a point is `floor(x · cells)`, `floor(y · cells)`
   * with x, y in [0, 1) from the top-left corner; every record falls in exactly one cell, so the
   * counts add up to the query's count (the categories too: the last count is the rest, those
   * without a known one). x and y are stored by the database on every placed record as integers
   * (`map_x`, `map_y` = floor(x · 2^30), floor(y · 2^30): migration 1764720000000), so the cell is
   * two integer shifts, and the layer's covering point index holds them: the whole metropolitan
   * city is an index-only scan.
   * The cell is grouped as two `xid`s: a type PostgreSQL can hash but not sort, so the groups
   * (a few hundred) are always hashed. The planner's estimate for a box on the GiST index is a
   * constant 0.1% of the table, so grouping by integers it sorted the whole match instead (~85k
   * rows of the metropolitan city at 100k activities, on disk past work_mem: 250 ms of 350;
   * docs/map.md). The categories are FILTERed counts, not a grouping column. Plan: an index-only
   * scan of the layer's `<table>_point_idx` (a bitmap scan when a filter reads other columns), then
   * a HashAggregate.
   */
  async cells(source: MapLayerSource, qb: Query, cells: number, outside?: InnerCells): Promise<MapCellRow[]> {
    const shift = MERCATOR_BITS - Math.log2(cells);
    if (!Number.isInteger(shift) || shift < 0) throw new Error(`map: not a grid of 2^k ≤ 2^${MERCATOR_BITS} cells: ${cells}`);
    if (outside) {
      // only the records outside the inner cells (the cells on the viewport's edge, from the cache's
      // whole-tenant answer for the rest): exactly by cell, and in the form of the point index by the
      // strips of the bbox around them, which hold every such record (map-cell-cache.ts)
      const strips = outside.strips.map((s, i) => {
        const p = (k: string) => `mapEdge${i}${k}`;
        qb.setParameters({ [p('a')]: s[0], [p('b')]: s[1], [p('c')]: s[2], [p('d')]: s[3] });
        return `point(a.lon, a.lat) <@ box(point(:${p('a')}, :${p('b')}), point(:${p('c')}, :${p('d')}))`;
      });
      qb.andWhere(`(${strips.join(' OR ')})`).andWhere(
        `NOT ((a.map_x >> ${shift}) BETWEEN :mapX0 AND :mapX1 AND (a.map_y >> ${shift}) BETWEEN :mapY0 AND :mapY1)`,
        { mapX0: outside.x0, mapX1: outside.x1, mapY0: outside.y0, mapY1: outside.y1 },
      );
    }
    const q = qb
      .select('a.id', 'id')
      .addSelect('a.lon', 'lon')
      .addSelect('a.lat', 'lat')
      .addSelect(categoryOf(source), 'category')
      .addSelect(`a.map_x >> ${shift}`, 'cx')
      .addSelect(`a.map_y >> ${shift}`, 'cy')
      .andWhere('a.lat IS NOT NULL');
    const known = source.categories.map(categoryLiteral);
    const perCategory = known.map((c) => `count(*) FILTER (WHERE p.category = ${c})::int`);
    const rest = known.length
      ? `count(*) FILTER (WHERE p.category IS NULL OR p.category NOT IN (${known.join(', ')}))::int`
      : 'count(*)::int';
    const cellId = await this.cellId();
    const rows = await this.door.run<Omit<MapCellRow, 'counts'> & { counts: number[] }>(
      q,
      (sql) => `SELECT min(p.cx)::int AS cx, min(p.cy)::int AS cy, count(*)::int AS n,
                       sum(p.lon) AS "sumLon", sum(p.lat) AS "sumLat",
                       min(p.lon) AS "minLon", min(p.lat) AS "minLat", max(p.lon) AS "maxLon", max(p.lat) AS "maxLat",
                       ARRAY[${[...perCategory, rest].join(', ')}] AS counts,
                       CASE WHEN count(*) = 1 THEN ${cellId} END AS id
                  FROM (${sql}) p
                 GROUP BY p.cx::text::xid, p.cy::text::xid`,
    );
    return rows.map((r) => ({
      ...r,
      sumLon: Number(r.sumLon),
      sumLat: Number(r.sumLat),
      minLon: Number(r.minLon),
      minLat: Number(r.minLat),
      maxLon: Number(r.maxLon),
      maxLat: Number(r.maxLat),
    }));
  }
}
