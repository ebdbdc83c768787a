import 'leaflet/dist/leaflet.css';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { GeoJSON as LeafletGeoJSON, Map as LeafletMap, Path, PathOptions } from 'leaflet';
import { useEffect, useMemo, useRef, type RefObject } from 'react';
import { GeoJSON, MapContainer, useMap } from 'react-leaflet';
import { MapControls } from '../../../components/map-controls';
import { BOUNDARY_ATTRIBUTION, type MunicipalityBoundaries, type MunicipalityFeatureProperties } from '../../../lib/reference/boundaries';

/** What the map shows of one municipality: its class (null: missing) and the tooltip's words. */
export interface ChoroplethArea {
  classIndex: number | null;
  color: string | null;
  tooltip: string;
}

export interface ChoroplethMapProps {
  boundaries: MunicipalityBoundaries;
  /** by ISTAT code; a municipality not in it is not drawn (outside the territory shown) */
  areas: ReadonlyMap<string, ChoroplethArea>;
  label: string;
  onSelect?: (istatCode: string) => void;
}

/** The hatching of "missing": a pattern in Leaflet's own SVG, so missing never looks like a low value. */
export const MISSING_PATTERN_ID = 'indicator-missing-pattern';
const SVG_NS = 'http://www.w3.org/2000/svg';

function addMissingPattern(map: LeafletMap): boolean {
  const svg = map.getPanes().overlayPane.querySelector('svg');
  if (!svg) return false;
  if (svg.querySelector(`#${MISSING_PATTERN_ID}`)) return true;
  const defs = document.createElementNS(SVG_NS, 'defs');
  const pattern = document.createElementNS(SVG_NS, 'pattern');
  pattern.setAttribute('id', MISSING_PATTERN_ID);
  pattern.setAttribute('patternUnits', 'userSpaceOnUse');
  pattern.setAttribute('width', '8');
  pattern.setAttribute('height', '8');
  pattern.setAttribute('patternTransform', 'rotate(45)');
  const background = document.createElementNS(SVG_NS, 'rect');
  background.setAttribute('width', '8');
  background.setAttribute('height', '8');
  background.setAttribute('fill', '#ffffff');
  const stripe = document.createElementNS(SVG_NS, 'rect');
  stripe.setAttribute('width', '3');
  stripe.setAttribute('height', '8');
  stripe.setAttribute('fill', '#6b6b6b');
  pattern.append(background, stripe);
  defs.appendChild(pattern);
  svg.insertBefore(defs, svg.firstChild);
  return true;
}

function MissingPattern() {
  const map = useMap();
  useEffect(() => {
    if (addMissingPattern(map)) return;
    const retry = () => {
      if (addMissingPattern(map)) map.off('layeradd', retry);
    };
    map.on('layeradd', retry);
    return () => {
      map.off('layeradd', retry);
    };
  }, [map]);
  return null;
}

function FitToData({ layer, dataKey }: { layer: RefObject<LeafletGeoJSON | null>; dataKey: string }) {
  const map = useMap();
  useEffect(() => {
    const bounds = layer.current?.getBounds();
    // Not animated: a zoom animation still running when the page is left makes Leaflet throw.
    if (bounds?.isValid()) map.fitBounds(bounds, { padding: [8, 8], animate: false });
  }, [map, layer, dataKey]);
  return null;
}

function styleOf(area: ChoroplethArea | undefined): PathOptions {
  if (!area || area.classIndex === null || !area.color) {
    return { color: '#333333', weight: 1, dashArray: '3 3', fillColor: `url(#${MISSING_PATTERN_ID})`, fillOpacity: 1 };
  }
  return { color: '#333333', weight: 1, fillColor: area.color, fillOpacity: 0.9 };
}

/**
 * The municipalities of the territory shown, each filled with its class's colour (missing: hatched),
 * on vector boundaries only (no tiles). Each path carries its ISTAT code and class in its CSS classes
 * (`choropleth-area--072029 choropleth-class--3`), as the ranking table's rows carry them in data
 * attributes: the browser test checks that the two agree. The table is the map's accessible twin.
 */
export function ChoroplethMap({ boundaries, areas, label, onSelect }: ChoroplethMapProps) {
  const layer = useRef<LeafletGeoJSON | null>(null);
  const latest = useRef({ areas, onSelect });
  useEffect(() => {
    latest.current = { areas, onSelect };
  }, [areas, onSelect]);

  const geojson = useMemo(
    () =>
      ({
        type: 'FeatureCollection',
        features: boundaries.features.filter((f) => f.geometry !== null && areas.has(f.properties.istatCode)),
      }) as unknown as FeatureCollection<Geometry, MunicipalityFeatureProperties>,
    [boundaries, areas],
  );
  // a new key redraws the layer: classes are set when a path is created
  const dataKey = useMemo(
    () => geojson.features.map((f) => `${f.properties.istatCode}:${areas.get(f.properties.istatCode)?.classIndex ?? 'x'}`).join('|'),
    [geojson, areas],
  );

  return (
    <MapContainer
      className="map choropleth-map"
      center={[41.0, 16.8]}
      zoom={9}
      zoomSnap={0.25}
      zoomDelta={0.5}
      scrollWheelZoom={false}
      zoomControl={false}
      zoomAnimation={false}
      fadeAnimation={false}
      aria-label={label}
    >
      <MapControls />
      <GeoJSON
        key={dataKey}
        ref={layer}
        data={geojson}
        attribution={BOUNDARY_ATTRIBUTION}
        style={(feature?: Feature) =>
          styleOf(feature ? areas.get((feature.properties as MunicipalityFeatureProperties).istatCode) : undefined)
        }
        onEachFeature={(feature, featureLayer) => {
          const { istatCode } = feature.properties as MunicipalityFeatureProperties;
          const area = latest.current.areas.get(istatCode);
          (featureLayer as Path).options.className =
            `choropleth-area choropleth-area--${istatCode} choropleth-class--${area?.classIndex ?? 'missing'}`;
          featureLayer.bindTooltip(area?.tooltip ?? '', { sticky: true });
          featureLayer.on('click', () => latest.current.onSelect?.(istatCode));
        }}
      />
      <MissingPattern />
      <FitToData layer={layer} dataKey={dataKey} />
    </MapContainer>
  );
}
