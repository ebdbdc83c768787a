import booleanIntersects from '@turf/boolean-intersects';
import type { Geometry } from 'geojson';

/** A stored boundary: a GeoJSON MultiPolygon (or Polygon). */
export interface StoredShape {
  type: 'MultiPolygon' | 'Polygon';
  coordinates: unknown[];
}

/** A municipality's boundary as stored (full, or the simplified one when there is no full one) and its bbox. */
export interface BoundaryOf {
  id: string;
  boundary: StoredShape | null;
  simplified: StoredShape | null;
  min_lon: number | null;
  min_lat: number | null;
  max_lon: number | null;
  max_lat: number | null;
}

/** ~100 m: boundaries of neighbours drawn from different sources may leave a sliver between them. */
const TOLERANCE_DEGREES = 0.001;

/**
 * The pairs of municipalities whose boundaries touch or overlap ([a, b] with a < b), computed once
 * (territory import, migration): bboxes first (within the tolerance), then
 * `@turf/boolean-intersects` on the full boundaries (the simplified ones where no full one exists).
 * A municipality without any boundary has no neighbours.
 */
export function touchingPairs(municipalities: readonly BoundaryOf[]): [string, string][] {
  const shapes = municipalities
    .map((m) => ({ id: m.id, shape: m.boundary ?? m.simplified, m }))
    .filter((x): x is { id: string; shape: StoredShape; m: BoundaryOf } => x.shape !== null && x.m.min_lon !== null)
    .sort((x, y) => (x.id < y.id ? -1 : 1));
  const out: [string, string][] = [];
  for (let i = 0; i < shapes.length; i++) {
    const a = shapes[i].m;
    for (let j = i + 1; j < shapes.length; j++) {
      const b = shapes[j].m;
      const apart =
        a.max_lon! + TOLERANCE_DEGREES < b.min_lon! ||
        b.max_lon! + TOLERANCE_DEGREES < a.min_lon! ||
        a.max_lat! + TOLERANCE_DEGREES < b.min_lat! ||
        b.max_lat! + TOLERANCE_DEGREES < a.min_lat!;
      if (apart) continue;
      if (booleanIntersects(shapes[i].shape as Geometry, shapes[j].shape as Geometry)) out.push([shapes[i].id, shapes[j].id]);
    }
  }
  return out;
}
