import { MAP_MAX_ZOOM } from '@trama/contracts';
import type { MapCellRow } from './map.repository';

/**
 * The server's clustering grid (docs/map.md): square cells of CELL_PX screen pixels in Web
 * Mercator, i.e. 2^(zoom + 2) cells across the world at 256-pixel tiles. At zoom 9 (the whole
 * metropolitan city of Bari) a cell is ~14.8 km wide at 41°N; at zoom 16 (streets) ~115 m.
 */
export const CELL_PX = 64;
const TILE_PX = 256;

/** Cells across the world at `zoom`. */
export function cellsAcross(zoom: number): number {
  return 2 ** zoom * (TILE_PX / CELL_PX);
}

/** Web Mercator x, y in [0, 1] (0, 0 at the top-left corner: 180°W, 85.05°N). */
export function mercator(lon: number, lat: number): [number, number] {
  const clamped = Math.max(-85.0511287798066, Math.min(85.0511287798066, lat));
  const y = 0.5 - Math.asinh(Math.tan((clamped * Math.PI) / 180)) / (2 * Math.PI);
  return [(lon + 180) / 360, y];
}

export interface GridCluster {
  cx: number;
  cy: number;
  count: number;
  /** the mean point of its records: where the cluster is drawn */
  lon: number;
  lat: number;
  bbox: [number, number, number, number];
  categories: Record<string, number>;
  /** the record, when the cell holds one */
  singleId: string | null;
  expansionZoom: number | null;
}

/** The key of a record without category in `categories`. */
export const NO_CATEGORY = 'none';

/**
 * The first zoom at which the records of a cluster spread over more than one cell, from their
 * extent: a cell must become smaller than the extent. Null when they share one point (no zoom
 * separates them: the web lists them instead).
 */
export function expansionZoom(zoom: number, bbox: [number, number, number, number]): number | null {
  const [x0, y1] = mercator(bbox[0], bbox[1]);
  const [x1, y0] = mercator(bbox[2], bbox[3]);
  const extent = Math.max(x1 - x0, y1 - y0);
  if (!(extent > 0)) return null;
  // cellsAcross(z) · extent ≥ 1  ⇔  z ≥ log2(1 / extent) − 2
  const z = Math.ceil(Math.log2(1 / extent) - Math.log2(TILE_PX / CELL_PX));
  return Math.min(MAP_MAX_ZOOM, Math.max(zoom + 1, z));
}

/** The clusters of the grid query's cells, ordered top to bottom, left to right. */
export function clustersOf(rows: readonly MapCellRow[], categories: readonly string[], zoom: number): GridCluster[] {
  return rows
    .map((r) => {
      const bbox: [number, number, number, number] = [r.minLon, r.minLat, r.maxLon, r.maxLat];
      const counts: Record<string, number> = {};
      r.counts.forEach((n, i) => {
        if (n > 0) counts[categories[i] ?? NO_CATEGORY] = n;
      });
      return {
        cx: r.cx,
        cy: r.cy,
        count: r.n,
        lon: r.sumLon / r.n,
        lat: r.sumLat / r.n,
        bbox,
        categories: counts,
        singleId: r.n === 1 ? r.id : null,
        expansionZoom: expansionZoom(zoom, bbox),
      };
    })
    .sort((a, b) => a.cy - b.cy || a.cx - b.cx);
}
