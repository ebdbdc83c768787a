import { Injectable } from '@nestjs/common';
import { MAP_MAX_POINTS } from '@trama/contracts';
import type { AccessScope } from '../../common/access/access-scope';
import { parseBbox } from '../../common/geo/bbox';
import type { MapFeatureResponse, MapLayerFeatureCollectionResponse } from './dto/map-layer.response';
import { cellsAcross, clustersOf } from './map-grid';
import type { MapLayerSource, MapViewport } from './map-layer';
import { MapRepository, type MapPointRow } from './map.repository';

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
 * the server's grid clusters (docs/map.md). Stateless: every request is answered from the
 * register's scoped query, so every role, filter and fresh write is reflected at once, and the
 * counts are exact (they add up to the list's total for the same bbox and filters).
 */
@Injectable()
export class MapService {
  constructor(private readonly map: MapRepository) {}

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
    const rows = await this.map.cells(source, base.clone(), cellsAcross(query.zoom));
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
