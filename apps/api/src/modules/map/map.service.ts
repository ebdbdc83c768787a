import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { MAP_MAX_POINTS } from '@trama/contracts';
import type { AccessScope } from '../../common/access/access-scope';
import { parseBbox } from '../../common/geo/bbox';
import type { MapFeatureResponse, MapLayerFeatureCollectionResponse } from './dto/map-layer.response';
import { CACHE_ZOOM, innerCells, MapCellCache, rollUp, WAIT_FILL_ZOOM } from './map-cell-cache';
import { cellsAcross, clustersOf } from './map-grid';
import type { MapLayerSource, MapViewport } from './map-layer';
import { MapRepository, type MapCellRow, type MapPointRow } from './map.repository';

/** The alias every layer's `filtered` query is built on. */
const ALIAS = 'a';

function recordFeature(row: MapPointRow): MapFeatureResponse {
  return {
    type: 'Feature',
    id: row.id,
    geometry: { type: 'Point', coordinates: [Number(row.lon), Number(row.lat)] },
    properties: { cluster: false, count: 1, id: row.id, category: row.category, label: row.label },
  };
}

/**
 * The map layers: a viewport's records as GeoJSON, or — when it holds more than MAP_MAX_POINTS —
 * the server's grid clusters (docs/map.md). Every request is answered from the register's scoped
 * query, so every role, filter and fresh write is reflected at once, and the counts are exact (they
 * add up to the list's total for the same bbox and filters). At zoom ≤ CACHE_ZOOM the cells wholly
 * inside the viewport come from the whole-tenant cell cache of the same query, kept while the
 * layer's data version is unchanged (docs/map.md, "The whole-tenant cell cache").
 */
@Injectable()
export class MapService {
  constructor(
    private readonly map: MapRepository,
    private readonly cache: MapCellCache,
  ) {}

  /**
   * The grid cells of the viewport at the request's zoom: the inner cells from the cache and the
   * edge cells from the records, or — when the cache does not apply — all from the records.
   */
  private async gridCells<Q extends MapViewport>(
    scope: AccessScope,
    source: MapLayerSource<Q>,
    query: Q,
    bbox: [number, number, number, number],
    base: Awaited<ReturnType<MapLayerSource<Q>['filtered']>>,
  ): Promise<MapCellRow[]> {
    const inner = this.cache.enabled && query.zoom <= CACHE_ZOOM && scope.tenantId !== null ? innerCells(bbox) : null;
    // the version first: cells computed after it hold at least what it stands for
    const version = inner ? await this.map.version(scope.tenantId!, source.layer) : null;
    if (!inner || version === null) return this.map.cells(source, base.clone(), cellsAcross(query.zoom));
    // the same query without the bbox: the whole tenant, for this caller's rule and these filters
    const whole = await source.filtered(scope, { ...query, bbox: undefined } as unknown as Q, ALIAS);
    // the key: the query as sent (the parameters are $n), its subqueries' aliases made constant (the
    // door names them `scope_<n>_j` with a process-wide counter, so the same query differs by them)
    const [sql, parameters] = whole.getQueryAndParameters();
    const key = createHash('sha256')
      .update(`${source.layer}\n${sql.replace(/\bscope_\d+_j\b/g, 'scope_j')}\n${JSON.stringify(parameters)}`)
      .digest('base64');
    const compute = () => this.map.cells(source, whole, cellsAcross(CACHE_ZOOM));
    let kept = this.cache.kept(key, version);
    if (!kept && query.zoom > WAIT_FILL_ZOOM) {
      // not kept, a small viewport: from the records, and the whole tenant's cells for the next requests
      this.cache.fill(key, version, compute).catch(() => undefined);
      return this.map.cells(source, base.clone(), cellsAcross(query.zoom));
    }
    kept ??= this.cache.fill(key, version, compute);
    const [all, edge] = await Promise.all([kept, this.map.cells(source, base.clone(), cellsAcross(CACHE_ZOOM), inner)]);
    const inside = all.filter((c) => c.cx >= inner.x0 && c.cx <= inner.x1 && c.cy >= inner.y0 && c.cy <= inner.y1);
    return rollUp([...inside, ...edge], query.zoom);
  }

  async layer<Q extends MapViewport>(scope: AccessScope, source: MapLayerSource<Q>, query: Q): Promise<MapLayerFeatureCollectionResponse> {
    // validated by the DTO (BboxParam): never null here
    const bbox = parseBbox(query.bbox)!;
    const base = await source.filtered(scope, query, ALIAS);
    const collection = (features: MapFeatureResponse[], total: number, clustered: boolean): MapLayerFeatureCollectionResponse => ({
      type: 'FeatureCollection',
      features,
      total,
      clustered,
      zoom: query.zoom,
      bbox,
    });

    // the grid first: one aggregate at any zoom; when the viewport holds few records, each one
    const rows = await this.gridCells(scope, source, query, bbox, base);
    const count = rows.reduce((sum, r) => sum + r.n, 0);
    if (count <= MAP_MAX_POINTS) {
      const points = await this.map.points(source, base.clone(), MAP_MAX_POINTS + 1);
      // (a write between the two reads may change the number: the records read are the answer)
      if (points.length <= MAP_MAX_POINTS) return collection(points.map(recordFeature), points.length, false);
    }

    // many: one feature per grid cell; a cell holding one record is that record
    const clusters = clustersOf(rows, source.categories, query.zoom);
    const singleIds = clusters.flatMap((c) => (c.singleId ? [c.singleId] : []));
    const singles =
      singleIds.length === 0
        ? new Map<string, MapPointRow>()
        : new Map((await this.map.points(source, base.clone(), singleIds.length, singleIds)).map((r) => [r.id, r]));
    let total = 0;
    const features = clusters.map((c): MapFeatureResponse => {
      total += c.count;
      const single = c.singleId ? singles.get(c.singleId) : undefined;
      if (single) return recordFeature(single);
      return {
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [c.lon, c.lat] },
        properties: { cluster: true, count: c.count, categories: c.categories, bbox: c.bbox, expansionZoom: c.expansionZoom },
      };
    });
    return collection(features, total, true);
  }
}
