import 'leaflet/dist/leaflet.css';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { GeoJSON as LeafletGeoJSON, LeafletMouseEvent } from 'leaflet';
import { useEffect, useMemo, useRef, type RefObject } from 'react';
import { CircleMarker, GeoJSON, MapContainer, useMap, useMapEvents } from 'react-leaflet';
import type { MunicipalityFeatureProperties } from '@trama/contracts';
import type { MunicipalityBoundaries } from '../api/get-municipality-boundaries';

export interface LocationMapProps {
  boundaries: MunicipalityBoundaries | undefined;
  /** ISTAT code of the activity's municipality: drawn in full, its neighbours faintly */
  municipality: string;
  point: { lat: number; lon: number } | null;
  onPick: (point: { lat: number; lon: number }) => void;
  label: string;
  attribution: string;
}

const FALLBACK_CENTER: [number, number] = [41.0, 16.8];

function Picker({ onPick }: { onPick: LocationMapProps['onPick'] }) {
  useMapEvents({
    click: (event: LeafletMouseEvent) => onPick({ lat: Number(event.latlng.lat.toFixed(6)), lon: Number(event.latlng.lng.toFixed(6)) }),
  });
  return null;
}

/** Frames the municipality when it changes (not when the point moves: the user keeps their zoom). */
function Frame({ layer, municipality, point }: { layer: RefObject<LeafletGeoJSON | null>; municipality: string; point: LocationMapProps['point'] }) {
  const map = useMap();
  const pointRef = useRef(point);
  useEffect(() => {
    pointRef.current = point;
  }, [point]);
  useEffect(() => {
    const bounds = layer.current?.getBounds();
    if (bounds?.isValid()) map.fitBounds(bounds, { padding: [12, 12] });
    else if (pointRef.current) map.setView([pointRef.current.lat, pointRef.current.lon], 14);
  }, [map, layer, municipality]);
  return null;
}

/**
 * A small map without tiles: the municipality's boundary for orientation, and a dot where the user
 * tapped. The latitude and longitude fields beside it are its keyboard equivalent.
 */
export function LocationMap({ boundaries, municipality, point, onPick, label, attribution }: LocationMapProps) {
  const layer = useRef<LeafletGeoJSON | null>(null);
  const own = useMemo(() => {
    const feature = boundaries?.features.find((f) => f.properties.istatCode === municipality && f.geometry);
    return feature ? ({ type: 'FeatureCollection', features: [feature] } as unknown as FeatureCollection<Geometry, MunicipalityFeatureProperties>) : null;
  }, [boundaries, municipality]);
  return (
    <MapContainer className="map" center={point ? [point.lat, point.lon] : FALLBACK_CENTER} zoom={point ? 14 : 9} scrollWheelZoom={false} aria-label={label}>
      {own ? (
        <GeoJSON
          key={municipality}
          ref={layer}
          data={own}
          attribution={attribution}
          interactive={false}
          style={(feature?: Feature) => (feature ? { color: '#0b4a82', weight: 3, fillColor: '#0b4a82', fillOpacity: 0.08 } : {})}
        />
      ) : null}
      {point ? <CircleMarker center={[point.lat, point.lon]} radius={9} pathOptions={{ color: '#1b1f24', weight: 3, fillColor: '#ffd33d', fillOpacity: 1 }} /> : null}
      <Picker onPick={onPick} />
      <Frame layer={layer} municipality={own ? municipality : ''} point={point} />
    </MapContainer>
  );
}
