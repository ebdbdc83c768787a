import 'leaflet/dist/leaflet.css';
import type { Feature, FeatureCollection as GeoFeatureCollection, Geometry } from 'geojson';
import type { GeoJSON as LeafletGeoJSON, LatLngBounds, Layer, Path, PathOptions } from 'leaflet';
import { useEffect, useMemo, useRef, type RefObject } from 'react';
import { GeoJSON, MapContainer, TileLayer, useMap } from 'react-leaflet';
import { MapControls } from '../../../components/map-controls';
import { BOUNDARY_ATTRIBUTION, type MunicipalityBoundaries, type MunicipalityFeatureProperties } from '../../../lib/reference/boundaries';
import { NO_AREA_COLOR } from '../utils/area-colors';

export interface MunicipalityMapProps {
  data: MunicipalityBoundaries;
  colors: ReadonlyMap<string, string>;
  /** municipalities matching the search; the others are drawn faded */
  visibleCodes: ReadonlySet<string>;
  selected: string | null;
  onSelect: (istatCode: string) => void;
  tileUrl: string;
  tileAttribution: string;
  /** the popup's lines for a municipality (already translated and formatted) */
  describe: (properties: MunicipalityFeatureProperties) => { title: string; lines: string[] };
  label: string;
}

type MunicipalityFeature = Feature<Geometry, MunicipalityFeatureProperties>;
type FeatureLayer = Path & { feature: MunicipalityFeature };

const BARI_CENTER: [number, number] = [41.0, 16.8];

function styleFor(
  properties: MunicipalityFeatureProperties,
  props: Pick<MunicipalityMapProps, 'colors' | 'visibleCodes' | 'selected'>,
): PathOptions {
  const fill = (properties.socialAreaCode && props.colors.get(properties.socialAreaCode)) || NO_AREA_COLOR;
  const isSelected = properties.istatCode === props.selected;
  const isVisible = props.visibleCodes.has(properties.istatCode);
  return {
    color: isSelected ? '#000000' : '#333333',
    weight: isSelected ? 4 : 1,
    fillColor: fill,
    fillOpacity: isSelected ? 0.85 : isVisible ? 0.6 : 0.12,
    opacity: isVisible || isSelected ? 1 : 0.4,
  };
}

function prefersReducedMotion(): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}

function popupElement(content: { title: string; lines: string[] }): HTMLElement {
  const root = document.createElement('div');
  const title = document.createElement('strong');
  title.textContent = content.title;
  root.appendChild(title);
  for (const line of content.lines) {
    const p = document.createElement('div');
    p.textContent = line;
    root.appendChild(p);
  }
  return root;
}

/** Fits the view to the boundaries once they are loaded. */
function FitToData({ layer, dataKey }: { layer: RefObject<LeafletGeoJSON | null>; dataKey: string }) {
  const map = useMap();
  useEffect(() => {
    const bounds = layer.current?.getBounds();
    // Not animated: a zoom animation still running when the page is left makes Leaflet throw.
    if (bounds?.isValid()) map.fitBounds(bounds, { padding: [8, 8], animate: false });
  }, [map, layer, dataKey]);
  return null;
}

/** Shows the selected municipality: zooms to it and opens its popup. */
function FocusSelected({ layer, selected }: { layer: RefObject<LeafletGeoJSON | null>; selected: string | null }) {
  const map = useMap();
  useEffect(() => {
    if (!selected || !layer.current) return;
    layer.current.eachLayer((child: Layer) => {
      const featureLayer = child as FeatureLayer;
      if (featureLayer.feature?.properties.istatCode !== selected) return;
      const bounds = (featureLayer as unknown as { getBounds?: () => LatLngBounds }).getBounds?.();
      if (bounds?.isValid()) {
        map.fitBounds(bounds, { maxZoom: 11, padding: [24, 24], animate: !prefersReducedMotion() });
        featureLayer.openPopup(bounds.getCenter());
      }
      featureLayer.bringToFront();
    });
  }, [map, layer, selected]);
  return null;
}

/**
 * The municipalities' boundaries, coloured by social area. Works without tiles (no tile layer when
 * tileUrl is empty); the list beside it is its accessible equivalent.
 */
export function MunicipalityMap(props: MunicipalityMapProps) {
  const { data, colors, visibleCodes, selected, onSelect, tileUrl, tileAttribution, describe, label } = props;
  const layer = useRef<LeafletGeoJSON | null>(null);
  // Leaflet keeps the handlers it was given: read the latest props through refs.
  const latest = useRef({ onSelect, describe });
  useEffect(() => {
    latest.current = { onSelect, describe };
  }, [onSelect, describe]);

  const geojson = useMemo(
    () =>
      ({ type: 'FeatureCollection', features: data.features.filter((f) => f.geometry !== null) }) as unknown as GeoFeatureCollection<
        Geometry,
        MunicipalityFeatureProperties
      >,
    [data],
  );
  const dataKey = useMemo(
    () => geojson.features.map((f) => `${f.properties.istatCode}:${f.properties.socialAreaCode}`).join('|'),
    [geojson],
  );

  useEffect(() => {
    layer.current?.eachLayer((child: Layer) => {
      const featureLayer = child as FeatureLayer;
      featureLayer.setStyle(styleFor(featureLayer.feature.properties, { colors, visibleCodes, selected }));
    });
  }, [colors, visibleCodes, selected, dataKey]);

  return (
    <MapContainer
      className="map"
      center={BARI_CENTER}
      zoom={9}
      zoomSnap={0.25}
      zoomDelta={0.5}
      scrollWheelZoom={false}
      zoomControl={false}
      aria-label={label}
    >
      <MapControls />
      {tileUrl ? <TileLayer url={tileUrl} attribution={tileAttribution} /> : null}
      <GeoJSON
        key={dataKey}
        ref={layer}
        data={geojson}
        attribution={BOUNDARY_ATTRIBUTION}
        style={(feature) =>
          feature ? styleFor(feature.properties as MunicipalityFeatureProperties, { colors, visibleCodes, selected }) : {}
        }
        onEachFeature={(feature, featureLayer) => {
          const properties = feature.properties as MunicipalityFeatureProperties;
          featureLayer.bindTooltip(properties.name, { sticky: true });
          featureLayer.bindPopup(() => popupElement(latest.current.describe(properties)));
          featureLayer.on('click', () => latest.current.onSelect(properties.istatCode));
        }}
      />
      <FitToData layer={layer} dataKey={dataKey} />
      <FocusSelected layer={layer} selected={selected} />
    </MapContainer>
  );
}
