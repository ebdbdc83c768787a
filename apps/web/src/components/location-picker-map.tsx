import 'leaflet/dist/leaflet.css';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { GeoJSON as LeafletGeoJSON, LeafletMouseEvent, Map as LeafletMap } from 'leaflet';
import { useEffect, useMemo, useRef } from 'react';
import { CircleMarker, GeoJSON, MapContainer, useMap, useMapEvents } from 'react-leaflet';
import type { MunicipalityBoundaries, MunicipalityFeatureProperties } from '../lib/reference/boundaries';
import { MapControls } from './map-controls';

export interface LocationPickerMapProps {
  boundaries: MunicipalityBoundaries | undefined;
  /** ISTAT code of the municipality whose boundary is drawn (empty: every boundary loaded, dashed) */
  municipality: string;
  point: { lat: number; lon: number } | null;
  /** absent: the map only shows */
  onPick?: (point: { lat: number; lon: number }) => void;
  /** hands the Leaflet map to the caller (the "centre of the map" button) */
  onReady?: (map: LeafletMap) => void;
  attribution: string;
}

const FALLBACK_CENTER: [number, number] = [41.0, 16.8];
const round = (n: number) => Number(n.toFixed(6));

function Events({ onPick, onReady }: Pick<LocationPickerMapProps, 'onPick' | 'onReady'>) {
  const map = useMap();
  useEffect(() => onReady?.(map), [map, onReady]);
  useMapEvents({ click: (event: LeafletMouseEvent) => onPick?.({ lat: round(event.latlng.lat), lon: round(event.latlng.lng) }) });
  return null;
}

/** Frames the drawn boundary when it changes (not when the point moves: the user keeps their zoom). */
function Frame({
  layer,
  drawn,
  point,
}: {
  layer: React.RefObject<LeafletGeoJSON | null>;
  drawn: string;
  point: LocationPickerMapProps['point'];
}) {
  const map = useMap();
  const pointRef = useRef(point);
  useEffect(() => {
    pointRef.current = point;
  }, [point]);
  useEffect(() => {
    const bounds = layer.current?.getBounds();
    if (bounds?.isValid()) map.fitBounds(bounds, { padding: [12, 12], animate: false });
    else if (pointRef.current) map.setView([pointRef.current.lat, pointRef.current.lon], 15, { animate: false });
  }, [map, layer, drawn]);
  return null;
}

/**
 * The Leaflet part of the location picker (loaded lazily): no tiles, the municipality's boundary as
 * a vector for orientation, a dot where the point is, a tap or click to move it.
 */
export function LocationPickerMap({ boundaries, municipality, point, onPick, onReady, attribution }: LocationPickerMapProps) {
  const layer = useRef<LeafletGeoJSON | null>(null);
  const own = useMemo(() => {
    const features = boundaries?.features.filter((f) => f.geometry && (!municipality || f.properties.istatCode === municipality)) ?? [];
    return features.length
      ? ({ type: 'FeatureCollection', features } as unknown as FeatureCollection<Geometry, MunicipalityFeatureProperties>)
      : null;
  }, [boundaries, municipality]);
  return (
    <MapContainer
      className="map"
      center={point ? [point.lat, point.lon] : FALLBACK_CENTER}
      zoom={point ? 15 : 9}
      scrollWheelZoom={false}
      zoomAnimation={false}
      fadeAnimation={false}
      zoomControl={false}
    >
      <MapControls />
      {own ? (
        <GeoJSON
          key={municipality}
          ref={layer}
          data={own}
          attribution={attribution}
          interactive={false}
          style={(feature?: Feature) =>
            feature
              ? {
                  color: '#0b4a82',
                  weight: municipality ? 3 : 1.5,
                  dashArray: municipality ? undefined : '4 4',
                  fillColor: '#0b4a82',
                  fillOpacity: 0.06,
                }
              : {}
          }
        />
      ) : null}
      {point ? (
        <CircleMarker
          center={[point.lat, point.lon]}
          radius={9}
          pathOptions={{ color: '#1b1f24', weight: 3, fillColor: '#ffd33d', fillOpacity: 1 }}
        />
      ) : null}
      <Events onPick={onPick} onReady={onReady} />
      <Frame layer={layer} drawn={own ? municipality : ''} point={point} />
    </MapContainer>
  );
}
