/** [lon, lat] rings, as GeoJSON. */
type Ring = readonly (readonly number[])[];
type Polygonal = { type: 'Polygon'; coordinates: Ring[] } | { type: 'MultiPolygon'; coordinates: Ring[][] };

function inRing(lat: number, lon: number, ring: Ring): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/**
 * Whether the point lies inside the (display) boundary: even-odd ray casting, holes excluded, as the
 * API's territory geo.ts does on the full boundary. Null when there is no polygonal geometry. Only a
 * hint while the user places the point: the server decides on the full boundary.
 */
export function pointInBoundary(
  point: { lat: number; lon: number },
  geometry: { type: string; coordinates?: unknown } | null | undefined,
): boolean | null {
  if (!geometry || (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon')) return null;
  const g = geometry as Polygonal;
  const polygons = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  return polygons.some(
    (rings) =>
      rings.length > 0 && inRing(point.lat, point.lon, rings[0]) && !rings.slice(1).some((hole) => inRing(point.lat, point.lon, hole)),
  );
}
