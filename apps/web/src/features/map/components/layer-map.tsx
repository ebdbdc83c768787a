import 'leaflet/dist/leaflet.css';
import type { Feature, FeatureCollection as GeoFeatureCollection, Geometry, MultiLineString } from 'geojson';
import {
  canvas,
  circleMarker,
  divIcon,
  latLngBounds,
  layerGroup,
  marker,
  type LatLngBoundsExpression,
  type Layer,
  type LayerGroup,
  type Map as LeafletMap,
} from 'leaflet';
import { useEffect, useMemo, useRef } from 'react';
import { GeoJSON, MapContainer, useMap } from 'react-leaflet';
import { MapControls } from '../../../components/map-controls';
import { BOUNDARY_ATTRIBUTION, type MunicipalityBoundaries, type MunicipalityFeatureProperties } from '../../../lib/reference/boundaries';
import type { LayerCollection, LayerFeature } from '../api/types';
import { areaOutlines } from '../utils/area-outlines';
import { categoryColor, type MapLayerDefinition } from '../utils/layers';
import { bboxOf, zoomOf, type Viewport } from '../utils/viewport';

/** Single records beyond this many are drawn on the canvas (fast, not focusable): the list view is their keyboard path. */
export const KEYBOARD_MARKERS_MAX = 500;

export interface DrawnLayer {
  definition: MapLayerDefinition;
  collection: LayerCollection | undefined;
}

/** Where the map stands: its centre and zoom (kept across the list view). */
export interface MapView {
  center: [number, number];
  zoom: number;
}

export interface LayerMapProps {
  boundaries: MunicipalityBoundaries | undefined;
  /** where to land on first display, [minLon, minLat, maxLon, maxLat]; `view` wins when set */
  landing: [number, number, number, number] | null;
  view: MapView | null;
  layers: DrawnLayer[];
  onMove: (viewport: Viewport, view: MapView) => void;
  onSelectRecord: (definition: MapLayerDefinition, feature: LayerFeature) => void;
  onSelectCluster: (definition: MapLayerDefinition, feature: LayerFeature) => void;
  /** accessible names (already translated) */
  label: string;
  describeRecord: (definition: MapLayerDefinition, feature: LayerFeature) => string;
  describeCluster: (definition: MapLayerDefinition, feature: LayerFeature) => string;
}

const BARI_CENTER: [number, number] = [41.0, 16.8];

function prefersReducedMotion(): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/** Lands on the territory (or the kept view) once, then reports every move (and the first position). */
function Viewpoint({ landing, view, onMove }: Pick<LayerMapProps, 'landing' | 'view' | 'onMove'>) {
  const map = useMap();
  const landed = useRef(false);
  const latest = useRef(onMove);
  useEffect(() => {
    latest.current = onMove;
  }, [onMove]);
  useEffect(() => {
    const report = () => {
      const center = map.getCenter();
      latest.current(
        { bbox: bboxOf(map.getBounds()), zoom: zoomOf(map.getZoom()) },
        { center: [center.lat, center.lng], zoom: map.getZoom() },
      );
    };
    map.on('moveend', report);
    return () => {
      map.off('moveend', report);
    };
  }, [map]);
  useEffect(() => {
    if (landed.current) return;
    if (view) {
      landed.current = true;
      map.setView(view.center, view.zoom, { animate: false });
    } else if (landing) {
      landed.current = true;
      const bounds: LatLngBoundsExpression = [
        [landing[1], landing[0]],
        [landing[3], landing[2]],
      ];
      const size = map.getSize();
      // a container not laid out yet (no size) cannot fit bounds: its centre, at a municipality's zoom
      if (size.x > 0 && size.y > 0) map.fitBounds(bounds, { padding: [8, 8], animate: false });
      else map.setView([(landing[1] + landing[3]) / 2, (landing[0] + landing[2]) / 2], 11, { animate: false });
    }
    if (landed.current) map.fire('moveend');
  }, [map, landing, view]);
  return null;
}

function clusterIcon(count: number, text: string) {
  const size = count < 10 ? 30 : count < 100 ? 36 : count < 1000 ? 42 : 50;
  return divIcon({
    className: 'map-cluster',
    html: `<span aria-hidden="true">${text}</span>`,
    iconSize: [size, size],
  });
}

function pointIcon(color: string) {
  return divIcon({ className: 'map-point', html: `<span style="background:${color}"></span>`, iconSize: [18, 18] });
}

/** The features of the layers, drawn imperatively in one layer group (faster than one React element each). */
function Features({
  layers,
  onSelectRecord,
  onSelectCluster,
  describeRecord,
  describeCluster,
}: Omit<LayerMapProps, 'boundaries' | 'landing' | 'view' | 'onMove' | 'label'>) {
  const map = useMap();
  const renderer = useMemo(() => canvas({ padding: 0.5 }), []);
  const group = useRef<LayerGroup | null>(null);
  const latest = useRef({ onSelectRecord, onSelectCluster, describeRecord, describeCluster });
  useEffect(() => {
    latest.current = { onSelectRecord, onSelectCluster, describeRecord, describeCluster };
  }, [onSelectRecord, onSelectCluster, describeRecord, describeCluster]);

  useEffect(() => {
    const next = layerGroup();
    for (const { definition, collection } of layers) {
      if (!collection) continue;
      const records = collection.features.filter((f) => !f.properties.cluster).length;
      const focusable = records <= KEYBOARD_MARKERS_MAX;
      for (const feature of collection.features) {
        const [lon, lat] = feature.geometry.coordinates;
        let drawn: Layer;
        if (feature.properties.cluster) {
          const name = latest.current.describeCluster(definition, feature);
          const m = marker([lat, lon], {
            icon: clusterIcon(feature.properties.count, formatCount(feature.properties.count)),
            keyboard: true,
            title: name,
            riseOnHover: true,
          });
          m.on('add', () => labelElement(m.getElement(), name));
          onActivate(m, () => latest.current.onSelectCluster(definition, feature));
          drawn = m;
        } else if (focusable) {
          const name = latest.current.describeRecord(definition, feature);
          const m = marker([lat, lon], {
            icon: pointIcon(categoryColor(definition, feature.properties.category)),
            keyboard: true,
            title: name,
          });
          m.on('add', () => labelElement(m.getElement(), name));
          onActivate(m, () => latest.current.onSelectRecord(definition, feature));
          drawn = m;
        } else {
          const c = circleMarker([lat, lon], {
            renderer,
            radius: 6,
            color: '#1a1a1a',
            weight: 1.5,
            fillColor: categoryColor(definition, feature.properties.category),
            fillOpacity: 1,
          });
          c.bindTooltip(() => latest.current.describeRecord(definition, feature));
          c.on('click', () => latest.current.onSelectRecord(definition, feature));
          drawn = c;
        }
        next.addLayer(drawn);
      }
    }
    next.addTo(map);
    group.current?.remove();
    group.current = next;
  }, [map, layers, renderer]);

  useEffect(
    () => () => {
      group.current?.remove();
    },
    [],
  );
  return null;
}

const compact = new Intl.NumberFormat('it', { notation: 'compact', maximumFractionDigits: 1 });
function formatCount(n: number): string {
  return n < 10_000 ? String(n) : compact.format(n);
}

/**
 * A click, or Enter / Space on the focused marker (Leaflet makes a keyboard marker focusable with
 * `role="button"` but opens only popups on Enter; the map passes the key events to the marker).
 */
function onActivate(m: ReturnType<typeof marker>, activate: () => void) {
  m.on('click', activate);
  m.on('keypress', (event) => {
    const key = (event as unknown as { originalEvent: KeyboardEvent }).originalEvent;
    if (key.key === 'Enter' || key.key === ' ') {
      key.preventDefault();
      activate();
    }
  });
}

/** Leaflet gives a keyboard marker `role="button"` and `tabindex`; its name is ours. */
function labelElement(element: HTMLElement | undefined, name: string) {
  if (!element) return;
  element.setAttribute('role', 'button');
  element.setAttribute('aria-label', name);
}

/** Zooms to a cluster's records (called by the page when a cluster with an expansion zoom is chosen). */
export function zoomToCluster(map: LeafletMap, feature: LayerFeature) {
  const bbox = feature.properties.bbox;
  if (!bbox) return;
  map.fitBounds(
    latLngBounds([
      [bbox[1], bbox[0]],
      [bbox[3], bbox[2]],
    ]),
    { padding: [24, 24], animate: !prefersReducedMotion(), maxZoom: feature.properties.expansionZoom ?? undefined },
  );
}

/** Hands the Leaflet map to the page (for zooming to a cluster). */
function MapHandle({ onMap }: { onMap: (map: LeafletMap | null) => void }) {
  const map = useMap();
  useEffect(() => {
    onMap(map);
    return () => onMap(null);
  }, [map, onMap]);
  return null;
}

/**
 * The map: municipality boundaries (fill) and social-area outlines as vectors (useful without
 * tiles), then each visible layer's features as the server sent them: clusters (a count) and
 * records (a dot coloured by category). Nothing is clustered here: the server's answer is at most
 * one feature per grid cell or MAP_MAX_POINTS records, so 100,000 records cost what a few hundred do.
 */
export function LayerMap(props: LayerMapProps & { onMap: (map: LeafletMap | null) => void }) {
  const { boundaries, landing, view, onMove, label, onMap } = props;
  const municipalities = useMemo(
    () =>
      boundaries
        ? ({
            type: 'FeatureCollection',
            features: boundaries.features.filter((f) => f.geometry !== null),
          } as unknown as GeoFeatureCollection<Geometry, MunicipalityFeatureProperties>)
        : null,
    [boundaries],
  );
  const outlines = useMemo(() => {
    if (!boundaries) return null;
    const byArea = areaOutlines(
      boundaries.features
        .filter((f) => f.properties.socialAreaCode)
        .map((f) => ({ area: f.properties.socialAreaCode!, geometry: f.geometry })),
    );
    const features: Feature<MultiLineString, { area: string }>[] = [...byArea].map(([area, coordinates]) => ({
      type: 'Feature',
      properties: { area },
      geometry: { type: 'MultiLineString', coordinates },
    }));
    return { type: 'FeatureCollection', features } as GeoFeatureCollection<MultiLineString, { area: string }>;
  }, [boundaries]);
  const dataKey = useMemo(() => boundaries?.features.map((f) => f.properties.istatCode).join('|') ?? '', [boundaries]);

  return (
    <MapContainer className="map layer-map" center={BARI_CENTER} zoom={9} zoomControl={false} preferCanvas aria-label={label}>
      <MapControls />
      <MapHandle onMap={onMap} />
      {municipalities ? (
        <GeoJSON
          key={`m-${dataKey}`}
          data={municipalities}
          attribution={BOUNDARY_ATTRIBUTION}
          interactive={false}
          style={() => ({ color: '#6b6b6b', weight: 0.8, fillColor: '#e9eef3', fillOpacity: 0.6 })}
        />
      ) : null}
      {outlines ? (
        <GeoJSON key={`a-${dataKey}`} data={outlines} interactive={false} style={() => ({ color: '#2b2b2b', weight: 2.2, opacity: 0.9 })} />
      ) : null}
      <Features {...props} />
      <Viewpoint landing={landing} view={view} onMove={onMove} />
    </MapContainer>
  );
}
