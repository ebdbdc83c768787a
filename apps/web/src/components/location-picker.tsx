import type { Map as LeafletMap } from 'leaflet';
import { lazy, Suspense, useCallback, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { BOUNDARY_ATTRIBUTION, useMunicipalityBoundaries } from '../lib/reference/boundaries';
import { TextField } from './form-field';
import { Loading } from './loading';

// Leaflet loads only when a picker is shown.
const LocationPickerMap = lazy(() => import('./location-picker-map').then((m) => ({ default: m.LocationPickerMap })));

/** Italy, as the API's bounds: a typed point outside is not drawn. */
const BOUNDS = { minLat: 35, maxLat: 47.5, minLon: 6, maxLon: 19 };

/** A point as typed: text, so the fields keep what the user writes (a comma, half a number). */
export interface TypedPoint {
  lat: string;
  lon: string;
}

/** A decimal typed with a point or a comma; NaN when it is not one. */
export function parseCoordinate(text: string): number {
  const normalized = text.trim().replace(',', '.');
  return /^-?\d+(\.\d+)?$/.test(normalized) ? Number(normalized) : Number.NaN;
}

/** The typed point as numbers, or null when either is missing, unreadable or outside Italy. */
export function pointOf(value: TypedPoint): { lat: number; lon: number } | null {
  const lat = parseCoordinate(value.lat);
  const lon = parseCoordinate(value.lon);
  if (!Number.isFinite(lat) || !Number.isFinite(lon)) return null;
  if (lat < BOUNDS.minLat || lat > BOUNDS.maxLat || lon < BOUNDS.minLon || lon > BOUNDS.maxLon) return null;
  return { lat, lon };
}

export interface LocationPickerProps {
  /** ISTAT code of the record's municipality: its boundary is drawn (empty: all, dashed) */
  municipality: string;
  value: TypedPoint;
  onChange: (value: TypedPoint) => void;
  legend: string;
  hint?: string;
  /** errors of the fields (the server's `location` error goes on latitude) */
  errors?: { lat?: string; lon?: string };
}

/**
 * Where a record is (shared by the registers' forms): tap or click the map, or type latitude and
 * longitude; keyboard users pan the map with the arrow keys and place the point at its centre with
 * a button. Works without tiles (the municipality's boundary is drawn as a vector). "Clear" leaves
 * the record not placed, which is allowed.
 */
export function LocationPicker({ municipality, value, onChange, legend, hint, errors }: LocationPickerProps) {
  const { t } = useTranslation();
  const boundaries = useMunicipalityBoundaries();
  const map = useRef<LeafletMap | null>(null);
  const mapLabel = useId();
  const point = pointOf(value);
  const decimal = { inputMode: 'decimal', autoComplete: 'off', spellCheck: false } as const;
  const pick = useCallback((p: { lat: number; lon: number }) => onChange({ lat: String(p.lat), lon: String(p.lon) }), [onChange]);
  const onReady = useCallback((m: LeafletMap) => {
    map.current = m;
  }, []);
  const placeAtCentre = () => {
    const centre = map.current?.getCenter();
    if (centre) pick({ lat: Number(centre.lat.toFixed(6)), lon: Number(centre.lng.toFixed(6)) });
  };
  return (
    <fieldset className="fieldset location-picker">
      <legend>{legend}</legend>
      {hint ? <p className="field__hint">{hint}</p> : null}
      <p className="field__hint" id={mapLabel}>
        {t('locationPicker.mapHint')}
      </p>
      {/* react-leaflet does not pass aria-* to its container: the label goes on a wrapper */}
      <div role="group" aria-label={t('locationPicker.map')} aria-describedby={mapLabel} data-testid="location-picker-map">
        <Suspense fallback={<Loading />}>
          <LocationPickerMap
            boundaries={boundaries.data}
            municipality={municipality}
            point={point}
            onPick={pick}
            onReady={onReady}
            attribution={BOUNDARY_ATTRIBUTION}
          />
        </Suspense>
      </div>
      <div className="grid-2">
        <TextField
          label={t('locationPicker.lat')}
          hint={t('locationPicker.latHint')}
          {...decimal}
          value={value.lat}
          error={errors?.lat}
          onChange={(e) => onChange({ ...value, lat: e.target.value })}
        />
        <TextField
          label={t('locationPicker.lon')}
          hint={t('locationPicker.lonHint')}
          {...decimal}
          value={value.lon}
          error={errors?.lon}
          onChange={(e) => onChange({ ...value, lon: e.target.value })}
        />
      </div>
      <div className="form__actions">
        <button type="button" className="button button--secondary button--small" onClick={placeAtCentre}>
          {t('locationPicker.centre')}
        </button>
        {value.lat || value.lon ? (
          <button type="button" className="button button--ghost button--small" onClick={() => onChange({ lat: '', lon: '' })}>
            {t('locationPicker.clear')}
          </button>
        ) : null}
        <span role="status" className="field__hint">
          {point ? t('locationPicker.placed', { lat: point.lat, lon: point.lon }) : t('locationPicker.notPlaced')}
        </span>
      </div>
    </fieldset>
  );
}
