/**
 * The outline of each social area from its municipalities' boundaries, without a geometry
 * library: the boundaries are simplified together (shared borders keep the same vertices), so an
 * edge shared by two municipalities of the same area is inner and cancels out; the edges left are
 * the area's outline. Where two neighbours' vertices differ the shared border is kept (drawn
 * twice): the outline is never missing a piece.
 */
type Position = [number, number];

export interface AreaShape {
  /** social area code */
  area: string;
  /** polygons (rings) of its municipalities: Polygon or MultiPolygon coordinates */
  geometry: { type: string; coordinates: unknown } | null;
}

const key = (p: Position) => `${p[0].toFixed(6)},${p[1].toFixed(6)}`;

function ringsOf(geometry: AreaShape['geometry']): Position[][] {
  if (!geometry) return [];
  if (geometry.type === 'Polygon') return geometry.coordinates as Position[][];
  if (geometry.type === 'MultiPolygon') return (geometry.coordinates as Position[][][]).flat();
  return [];
}

/** Per area, its outline as MultiLineString coordinates (one segment per line). */
export function areaOutlines(shapes: readonly AreaShape[]): Map<string, Position[][]> {
  const edgesByArea = new Map<string, Map<string, { from: Position; to: Position; n: number }>>();
  for (const { area, geometry } of shapes) {
    const edges = edgesByArea.get(area) ?? new Map<string, { from: Position; to: Position; n: number }>();
    edgesByArea.set(area, edges);
    for (const ring of ringsOf(geometry)) {
      for (let i = 1; i < ring.length; i++) {
        const a = ring[i - 1];
        const b = ring[i];
        const [ka, kb] = [key(a), key(b)];
        if (ka === kb) continue;
        const k = ka < kb ? `${ka}|${kb}` : `${kb}|${ka}`;
        const edge = edges.get(k);
        if (edge) edge.n += 1;
        else edges.set(k, { from: a, to: b, n: 1 });
      }
    }
  }
  const out = new Map<string, Position[][]>();
  for (const [area, edges] of edgesByArea) {
    out.set(
      area,
      [...edges.values()].filter((e) => e.n === 1).map((e) => [e.from, e.to]),
    );
  }
  return out;
}
