/**
 * Plain geometry on WGS84 lon/lat (GeoJSON order), no dependencies. Planar math is accurate
 * enough at municipal scale for "which municipality is this point in" and for bounding boxes.
 */
import type { Bbox } from '../../common/geo/bbox';

/** [lon, lat] */
export type Position = [number, number];
/** exterior ring first, then holes; each ring closed (first position = last) */
export type PolygonCoordinates = Position[][];

export type PolygonalGeometry =
  { type: 'Polygon'; coordinates: PolygonCoordinates } | { type: 'MultiPolygon'; coordinates: PolygonCoordinates[] };

export interface LatLon {
  lat: number;
  lon: number;
}

/** [minLon, minLat, maxLon, maxLat], the order of GeoJSON bbox and of the `bbox` query parameter (common/geo/bbox.ts) */
export type { Bbox };

export function polygonsOf(geometry: PolygonalGeometry): PolygonCoordinates[] {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

/**
 * Even-odd ray casting. Winding order does not matter, and a ring that touches itself at a
 * vertex (allowed in the reference data) still gives the right answer away from that vertex.
 * A point exactly on an edge may fall either side.
 */
export function pointInRing(point: LatLon, ring: readonly Position[]): boolean {
  const { lon: x, lat: y } = point;
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Inside the exterior ring and outside every hole (an enclave of another municipality is a hole). */
export function pointInPolygon(point: LatLon, rings: PolygonCoordinates): boolean {
  if (rings.length === 0 || !pointInRing(point, rings[0])) return false;
  for (let h = 1; h < rings.length; h++) if (pointInRing(point, rings[h])) return false;
  return true;
}

/** Inside any of the polygons (a MultiPolygon holds a municipality's exclaves). */
export function pointInGeometry(point: LatLon, geometry: PolygonalGeometry): boolean {
  return polygonsOf(geometry).some((rings) => pointInPolygon(point, rings));
}

/** Bounding box of the exterior rings (holes lie inside them). */
export function geometryBbox(geometry: PolygonalGeometry): Bbox {
  let minLon = Infinity;
  let minLat = Infinity;
  let maxLon = -Infinity;
  let maxLat = -Infinity;
  for (const rings of polygonsOf(geometry)) {
    for (const [lon, lat] of rings[0] ?? []) {
      if (lon < minLon) minLon = lon;
      if (lon > maxLon) maxLon = lon;
      if (lat < minLat) minLat = lat;
      if (lat > maxLat) maxLat = lat;
    }
  }
  return [minLon, minLat, maxLon, maxLat];
}

export function bboxContains(bbox: Bbox, point: LatLon): boolean {
  return point.lon >= bbox[0] && point.lon <= bbox[2] && point.lat >= bbox[1] && point.lat <= bbox[3];
}

// the `bbox` parameter is shared with the map layers and the lists (common/geo/bbox.ts)
export { parseBbox } from '../../common/geo/bbox';
