import { Injectable } from '@nestjs/common';
import type { MapCellRow } from './map.repository';

/**
 * The whole-tenant cell cache (docs/map.md, "The whole-tenant cell cache"): per process, the grid
 * cells of a layer's query over the whole tenant (no bbox) at CACHE_ZOOM, under the layer's data
 * version read from `map_versions` before they were computed. An answer at zoom ≤ CACHE_ZOOM takes
 * the cells lying wholly inside the viewport from here and counts the cells on its edge from the
 * records, then rolls both up to its zoom; so it equals the direct grid exactly.
 */

/** The cache's grid: 2^(CACHE_ZOOM + 2) cells across the world (~1.85 km at 41°N). Requests at zoom ≤ it use the cache. */
export const CACHE_ZOOM = 12;
/**
 * Up to this zoom a request whose cells are not kept waits for the whole tenant's (a desktop
 * viewport at zoom 10 is ~150 km wide: the whole metropolitan city, so it costs what the viewport
 * alone would); above it the request counts its viewport from the records and the whole tenant's
 * cells are computed beside it for the next requests (a municipality's viewport must not pay for
 * the whole tenant).
 */
export const WAIT_FILL_ZOOM = 10;
const CACHE_CELLS = 2 ** (CACHE_ZOOM + 2);
/** Entries kept per process (least recently used out); each is a few hundred to a few thousand cells. */
const MAX_ENTRIES = 100;
/**
 * Margin in degrees (~0.1 mm) between a cell's edge and the viewport's: the database computes a
 * record's cell from its lon/lat in double precision (errors ~1e-13°), so a cell counts as inside
 * only when it is inside by more than that, and the edge strips reach that far into the inner cells.
 */
const EPS = 1e-9;

const lonOf = (cx: number) => (cx / CACHE_CELLS) * 360 - 180;
/** The latitude of the northern edge of row cy (y grows southwards). */
const latOf = (cy: number) => (Math.atan(Math.sinh(Math.PI * (1 - (2 * cy) / CACHE_CELLS))) * 180) / Math.PI;
const yOf = (lat: number) => {
  const clamped = Math.max(-85.0511287798066, Math.min(85.0511287798066, lat));
  return (0.5 - Math.asinh(Math.tan((clamped * Math.PI) / 180)) / (2 * Math.PI)) * CACHE_CELLS;
};
const clampCell = (c: number) => Math.max(0, Math.min(CACHE_CELLS - 1, c));

/** The cells at CACHE_ZOOM lying wholly inside the bbox (a rectangle of cells), and the strips of the bbox outside them. */
export interface InnerCells {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  /** boxes [minLon, minLat, maxLon, maxLat] covering every point of the bbox not in the inner cells */
  strips: [number, number, number, number][];
}

export function innerCells(bbox: readonly [number, number, number, number]): InnerCells | null {
  const [minLon, minLat, maxLon, maxLat] = bbox;
  const inLon = (cx: number) => lonOf(cx) - EPS >= minLon && lonOf(cx + 1) + EPS <= maxLon;
  const inLat = (cy: number) => latOf(cy + 1) - EPS >= minLat && latOf(cy) + EPS <= maxLat;
  let x0 = clampCell(Math.ceil(((minLon + 180) / 360) * CACHE_CELLS));
  while (x0 < CACHE_CELLS - 1 && lonOf(x0) - EPS < minLon) x0 += 1;
  while (x0 > 0 && lonOf(x0 - 1) - EPS >= minLon) x0 -= 1;
  let x1 = clampCell(Math.floor(((maxLon + 180) / 360) * CACHE_CELLS) - 1);
  while (x1 > 0 && lonOf(x1 + 1) + EPS > maxLon) x1 -= 1;
  while (x1 < CACHE_CELLS - 1 && lonOf(x1 + 2) + EPS <= maxLon) x1 += 1;
  let y0 = clampCell(Math.ceil(yOf(maxLat)));
  while (y0 < CACHE_CELLS - 1 && latOf(y0) + EPS > maxLat) y0 += 1;
  while (y0 > 0 && latOf(y0 - 1) + EPS <= maxLat) y0 -= 1;
  let y1 = clampCell(Math.floor(yOf(minLat)) - 1);
  while (y1 > 0 && latOf(y1 + 1) - EPS < minLat) y1 -= 1;
  while (y1 < CACHE_CELLS - 1 && latOf(y1 + 2) - EPS >= minLat) y1 += 1;
  if (x0 > x1 || y0 > y1 || !inLon(x0) || !inLon(x1) || !inLat(y0) || !inLat(y1)) return null;
  const [west, east, north, south] = [lonOf(x0), lonOf(x1 + 1), latOf(y0), latOf(y1 + 1)];
  const strips: [number, number, number, number][] = [
    [minLon, minLat, Math.min(maxLon, west + EPS), maxLat],
    [Math.max(minLon, east - EPS), minLat, maxLon, maxLat],
    [minLon, minLat, maxLon, Math.min(maxLat, south + EPS)],
    [minLon, Math.max(minLat, north - EPS), maxLon, maxLat],
  ];
  return { x0, x1, y0, y1, strips };
}

/** The cells (at CACHE_ZOOM) rolled up to `zoom` ≤ CACHE_ZOOM: counts, sums and extents added, the record kept for a cell of one. */
export function rollUp(rows: readonly MapCellRow[], zoom: number): MapCellRow[] {
  const shift = CACHE_ZOOM - zoom;
  if (shift === 0) return [...rows];
  const cells = new Map<number, MapCellRow>();
  for (const r of rows) {
    const cx = r.cx >> shift;
    const cy = r.cy >> shift;
    const key = cy * CACHE_CELLS + cx;
    const c = cells.get(key);
    if (!c) {
      cells.set(key, { ...r, cx, cy, counts: [...r.counts] });
      continue;
    }
    c.id = c.n + r.n === 1 ? (c.id ?? r.id) : null;
    c.n += r.n;
    c.sumLon += r.sumLon;
    c.sumLat += r.sumLat;
    c.minLon = Math.min(c.minLon, r.minLon);
    c.minLat = Math.min(c.minLat, r.minLat);
    c.maxLon = Math.max(c.maxLon, r.maxLon);
    c.maxLat = Math.max(c.maxLat, r.maxLat);
    r.counts.forEach((n, i) => (c.counts[i] += n));
  }
  return [...cells.values()];
}

interface Entry {
  version: string;
  cells: Promise<MapCellRow[]>;
}

/** The entries of this process, keyed by the layer and the SQL (with its parameters) of the whole-tenant query. */
@Injectable()
export class MapCellCache {
  /** Off: every request counts its grid from the records (the tests compare both answers). */
  enabled = process.env.MAP_CELL_CACHE !== 'off';
  private readonly entries = new Map<string, Entry>();
  hits = 0;
  misses = 0;

  /** The kept cells of `key` if they are of `version` (perhaps still being computed), else undefined. */
  kept(key: string, version: string): Promise<MapCellRow[]> | undefined {
    const kept = this.entries.get(key);
    if (!kept || kept.version !== version) return undefined;
    this.hits += 1;
    // most recently used last
    this.entries.delete(key);
    this.entries.set(key, kept);
    return kept.cells;
  }

  /** Computes the cells of `key` at `version` and keeps them (a failure is not kept). */
  fill(key: string, version: string, compute: () => Promise<MapCellRow[]>): Promise<MapCellRow[]> {
    this.misses += 1;
    const entry: Entry = { version, cells: compute() };
    entry.cells.catch(() => {
      if (this.entries.get(key) === entry) this.entries.delete(key);
    });
    this.entries.delete(key);
    this.entries.set(key, entry);
    while (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    return entry.cells;
  }

  clear(): void {
    this.entries.clear();
  }
}
