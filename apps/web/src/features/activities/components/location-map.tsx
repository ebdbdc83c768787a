import 'leaflet/dist/leaflet.css';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { GeoJSON as LeafletGeoJSON, LeafletMouseEvent } from 'leaflet';
import { useEffect, useMemo, useRef, type RefObject } from 'react';
import { CircleMarker, GeoJSON, MapContainer, useMap, useMapEvents } from 'react-leaflet';
import { MapControls } from '../../../components/map-controls';
import type { MunicipalityBoundaries, MunicipalityFeatureProperties } from '../../../lib/reference/boundaries';

export interface LocationMapProps {
  boundaries: MunicipalityBoundaries | undefined;
  /** ISTAT code of the activity's municipality, whose boundary is drawn */
  municipality: string;
  /** before one is chosen: the municipalities the user may choose from, drawn for orientation */
  choices: readonly string[];
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

/** Frames the boundaries when they change (not when the point moves: the user keeps their zoom). */
function Frame({ layer, drawn, point }: { layer: RefObject<LeafletGeoJSON | null>; drawn: string; point: LocationMapProps['point'] }) {
  const map = useMap();
  const pointRef = useRef(point);
  useEffect(() => {
    pointRef.current = point;
  }, [point]);
  useEffect(() => {
    const bounds = layer.current?.getBounds();
    // No animation: the form may unmount the map mid-flight (Leaflet then throws on _leaflet_pos).
    if (bounds?.isValid()) map.fitBounds(bounds, { padding: [12, 12], animate: false });
    else if (pointRef.current) map.setView([pointRef.current.lat, pointRef.current.lon], 14, { animate: false });
  }, [map, layer, drawn]);
  return null;
}

/**
 * A small map without tiles: the municipality's boundary for orientation, and a dot where the user
 * tapped. The latitude and longitude fields beside it are its keyboard equivalent.
 */
export function LocationMap({ boundaries, municipality, choices, point, onPick, label, attribution }: LocationMapProps) {
  const layer = useRef<LeafletGeoJSON | null>(null);
  const codes = useMemo(() => (municipality ? [municipality] : [...choices]), [municipality, choices]);
  const drawnKey = codes.join(',');
  const own = useMemo(() => {
    const features = boundaries?.features.filter((f) => codes.includes(f.properties.istatCode) && f.geometry) ?? [];
    return features.length
      ? ({ type: 'FeatureCollection', features } as unknown as FeatureCollection<Geometry, MunicipalityFeatureProperties>)
      : null;
  }, [boundaries, codes]);
  const chosen = Boolean(municipality);
  return (
    // react-leaflet does not pass aria-* to its container: the label goes on a wrapper.
    <div role="group" aria-label={label}>
      <MapContainer
        className="map"
        center={point ? [point.lat, point.lon] : FALLBACK_CENTER}
        zoom={point ? 14 : 9}
        scrollWheelZoom={false}
        zoomAnimation={false}
        fadeAnimation={false}
        zoomControl={false}
      >
        <MapControls />
        {own ? (
          <GeoJSON
            key={drawnKey}
            ref={layer}
            data={own}
            attribution={attribution}
            interactive={false}
            style={(feature?: Feature) =>
              feature
                ? {
                    color: '#0b4a82',
                    weight: chosen ? 3 : 1.5,
                    dashArray: chosen ? undefined : '4 4',
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
        <Picker onPick={onPick} />
        <Frame layer={layer} drawn={own ? drawnKey : ''} point={point} />
      </MapContainer>
    </div>
  );
}
