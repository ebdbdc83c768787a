import { Injectable } from '@nestjs/common';
import type { ObjectLiteral } from 'typeorm';
import { ScopedData } from '../../common/access/scoped-data';
import type { ScopedSelectQueryBuilder } from '../../common/access/scoped-query-builder';
import type { MapLayerSource } from './map-layer';

type Query = ScopedSelectQueryBuilder<ObjectLiteral>;

/** A record on the map. */
export interface MapPointRow {
  id: string;
  lon: number;
  lat: number;
  category: string | null;
  label: string | null;
}

/** The records of one category in one grid cell. */
export interface MapCellRow {
  cx: number;
  cy: number;
  category: string | null;
  n: number;
  sumLon: number;
  sumLat: number;
  minLon: number;
  minLat: number;
  maxLon: number;
  maxLat: number;
  /** one of the cell's records (the record itself when n = 1) */
  id: string;
}

/** Web Mercator stops at ±85.0511° (the square world of the tiles); points beyond fall in the edge cells. */
const MERCATOR_MAX_LAT = 85.0511287798066;

/**
 * The map's queries. Each starts from a layer's `filtered` query (the register's policy and
 * filters, bound by the door on alias `a`) and only selects from it: points, or grid cells in an
 * outer shell (`door.run`), never another table.
 */
@Injectable()
export class MapRepository {
  constructor(private readonly door: ScopedData) {}

  /** At most `limit` records of the query, with their point, category and label. */
  async points(source: MapLayerSource, qb: Query, limit: number, ids?: readonly string[]): Promise<MapPointRow[]> {
    const q = qb
      .select('a.id', 'id')
      .addSelect('a.lon', 'lon')
      .addSelect('a.lat', 'lat')
      .addSelect(`a.${source.categoryColumn}`, 'category')
      .addSelect(`a.${source.labelColumn}`, 'label')
      .andWhere('a.lat IS NOT NULL');
    if (ids) q.andWhere('a.id IN (:...mapIds)', { mapIds: ids });
    return q.limit(limit).getRawMany<MapPointRow>();
  }

  /**
   * The records of the query grouped by Web Mercator grid cell (`cells` × `cells` over the world)
   * and category: count, sums for the mean point, extent, and one id. The cell of a point is
   * `floor(x · cells)`, `floor(y · cells)` with x, y in [0, 1) from the top-left corner; every
   * record falls in exactly one cell, so the counts add up to the query's count.
   * Plan (docs/map.md): the bbox filter reads activities_point_idx (bitmap), the grouping is a
   * HashAggregate over the matches; at low zoom over a whole metropolitan area, a sequential scan.
   */
  async cells(source: MapLayerSource, qb: Query, cells: number): Promise<MapCellRow[]> {
    const n = Math.trunc(cells);
    const lat = `least(greatest(a.lat, ${-MERCATOR_MAX_LAT}), ${MERCATOR_MAX_LAT})`;
    const q = qb
      .select('a.id', 'id')
      .addSelect('a.lon', 'lon')
      .addSelect('a.lat', 'lat')
      .addSelect(`a.${source.categoryColumn}`, 'category')
      .addSelect(`least(floor((a.lon + 180) / 360 * ${n}), ${n - 1})::int`, 'cx')
      .addSelect(`least(floor((0.5 - asinh(tan(radians(${lat}))) / (2 * pi())) * ${n}), ${n - 1})::int`, 'cy')
      .andWhere('a.lat IS NOT NULL');
    const rows = await this.door.run<MapCellRow>(
      q,
      (sql) => `SELECT p.cx, p.cy, p.category, count(*)::int AS n,
                       sum(p.lon) AS "sumLon", sum(p.lat) AS "sumLat",
                       min(p.lon) AS "minLon", min(p.lat) AS "minLat", max(p.lon) AS "maxLon", max(p.lat) AS "maxLat",
                       any_value(p.id) AS id
                  FROM (${sql}) p
                 GROUP BY p.cx, p.cy, p.category`,
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
