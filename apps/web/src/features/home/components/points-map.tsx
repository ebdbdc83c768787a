import 'leaflet/dist/leaflet.css';
import type { FeatureCollection, Geometry } from 'geojson';
import { latLngBounds } from 'leaflet';
import { useEffect, useMemo } from 'react';
import { CircleMarker, GeoJSON, MapContainer, TileLayer, Tooltip, useMap } from 'react-leaflet';
import { BOUNDARY_ATTRIBUTION, type MunicipalityBoundaries } from '../../../lib/reference/boundaries';
import type { HomePoint } from '../api/types';

interface PointsMapProps {
  boundaries: MunicipalityBoundaries | undefined;
  points: HomePoint[];
  tileUrl: string;
  tileAttribution: string;
  label: string;
  /** a point's tooltip (already translated) */
  describe: (point: HomePoint) => string;
}

const BARI_CENTER: [number, number] = [41.0, 16.8];

/** Fits the view to the boundaries of the territory, or to the points when there are no boundaries. */
function FitTo({ boundaries, points }: { boundaries: MunicipalityBoundaries | undefined; points: HomePoint[] }) {
  const map = useMap();
  useEffect(() => {
    const corners: [number, number][] = points.map((p) => [p.lat, p.lon]);
    for (const f of boundaries?.features ?? []) {
      const walk = (c: unknown): void => {
        if (Array.isArray(c) && typeof c[0] === 'number') corners.push([c[1] as number, c[0] as number]);
        else if (Array.isArray(c)) c.forEach(walk);
      };
      walk((f.geometry as { coordinates?: unknown } | null)?.coordinates);
    }
    if (corners.length > 0) map.fitBounds(latLngBounds(corners), { padding: [12, 12], maxZoom: 13, animate: false });
  }, [map, boundaries, points]);
  return null;
}

/** The approved activities' points over the territory's boundaries. Works without tiles; the table beside it is its equivalent. */
export function PointsMap({ boundaries, points, tileUrl, tileAttribution, label, describe }: PointsMapProps) {
  const geojson = useMemo(
    () =>
      boundaries
        ? ({
            type: 'FeatureCollection',
            features: boundaries.features.filter((f) => f.geometry !== null),
          } as unknown as FeatureCollection<Geometry>)
        : null,
    [boundaries],
  );
  return (
    <MapContainer className="map home-map" center={BARI_CENTER} zoom={9} scrollWheelZoom={false} aria-label={label}>
      {tileUrl ? <TileLayer url={tileUrl} attribution={tileAttribution} /> : null}
      {geojson ? (
        <GeoJSON
          data={geojson}
          attribution={BOUNDARY_ATTRIBUTION}
          style={() => ({ color: '#333333', weight: 1, fillColor: '#9db7d5', fillOpacity: 0.35 })}
        />
      ) : null}
      {points.map((p) => (
        <CircleMarker
          key={p.id}
          center={[p.lat, p.lon]}
          radius={6}
          pathOptions={{ color: '#0b3d6b', weight: 2, fillColor: '#ffd33d', fillOpacity: 0.9 }}
        >
          <Tooltip>{describe(p)}</Tooltip>
        </CircleMarker>
      ))}
      <FitTo boundaries={boundaries} points={points} />
    </MapContainer>
  );
}
