import { MAP_MAX_ZOOM, MAP_MIN_ZOOM } from '@trama/contracts';

/** A viewport as the layer endpoint takes it. */
export interface Viewport {
  /** minLon,minLat,maxLon,maxLat */
  bbox: string;
  zoom: number;
}

export interface BoundsLike {
  getWest(): number;
  getSouth(): number;
  getEast(): number;
  getNorth(): number;
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
// (the 1e-6 absorbs binary noise: 41.2 × 1e5 is 4120000.0000000005)
const down = (v: number) => Math.floor(v * 1e5 + 1e-6) / 1e5;
const up = (v: number) => Math.ceil(v * 1e5 - 1e-6) / 1e5;

/**
 * The bbox parameter for the map's bounds: clamped to the world (Leaflet's bounds run past ±180°
 * when zoomed out), widened to 5 decimals (~1 m), never inverted.
 */
export function bboxOf(bounds: BoundsLike): string {
  const west = clamp(down(bounds.getWest()), -180, 180);
  const south = clamp(down(bounds.getSouth()), -90, 90);
  const east = clamp(up(bounds.getEast()), west, 180);
  const north = clamp(up(bounds.getNorth()), south, 90);
  return `${west},${south},${east},${north}`;
}

/** The zoom parameter: an integer in the endpoint's range. */
export function zoomOf(zoom: number): number {
  return clamp(Math.round(zoom), MAP_MIN_ZOOM, MAP_MAX_ZOOM);
}

/** [minLon, minLat, maxLon, maxLat] of every position in GeoJSON coordinates (any nesting); null when there is none. */
export function extentOf(coordinateSets: readonly unknown[]): [number, number, number, number] | null {
  let box: [number, number, number, number] | null = null;
  const walk = (c: unknown): void => {
    if (Array.isArray(c) && typeof c[0] === 'number' && typeof c[1] === 'number') {
      const [lon, lat] = c as [number, number];
      box = box ? [Math.min(box[0], lon), Math.min(box[1], lat), Math.max(box[2], lon), Math.max(box[3], lat)] : [lon, lat, lon, lat];
    } else if (Array.isArray(c)) c.forEach(walk);
  };
  coordinateSets.forEach(walk);
  return box;
}
