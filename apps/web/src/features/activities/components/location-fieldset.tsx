import { lazy, Suspense, useState } from 'react';
import { useWatch, type Control, type FieldErrors, type UseFormRegister } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../../components/form-field';
import { Loading } from '../../../components/loading';
import { fieldErrorText } from '../../../lib/forms/form-errors';
import { BOUNDARY_ATTRIBUTION, useMunicipalityBoundaries } from '../../../lib/reference/boundaries';
import { pointInBoundary } from '../utils/point-in-boundary';
import { LOCATION_BOUNDS, parseDecimal, type ActivityFormValues } from './activity-form-schema';

// Leaflet loads only when the form is opened.
const LocationMap = lazy(() => import('./location-map').then((m) => ({ default: m.LocationMap })));

interface LocationFieldsetProps {
  control: Control<ActivityFormValues>;
  register: UseFormRegister<ActivityFormValues>;
  errors: FieldErrors<ActivityFormValues>['location'];
  onPoint: (point: { lat: string; lon: string }) => void;
  /** ISTAT codes the municipality may be chosen from (drawn before one is chosen) */
  choices: readonly string[];
}

function inBounds(lat: number, lon: number): boolean {
  return lat >= LOCATION_BOUNDS.minLat && lat <= LOCATION_BOUNDS.maxLat && lon >= LOCATION_BOUNDS.minLon && lon <= LOCATION_BOUNDS.maxLon;
}

/** An optional point: tapped on the map, typed, or taken from the device's position. Saving never depends on it. */
export function LocationFieldset({ control, register, errors, onPoint, choices }: LocationFieldsetProps) {
  const { t } = useTranslation();
  const [lat, lon] = useWatch({ control, name: ['location.lat', 'location.lon'] });
  const municipality = useWatch({ control, name: 'municipality' });
  const boundaries = useMunicipalityBoundaries();
  const [locating, setLocating] = useState<'idle' | 'busy' | 'failed'>('idle');
  const la = parseDecimal(lat);
  const lo = parseDecimal(lon);
  const point = Number.isFinite(la) && Number.isFinite(lo) && inBounds(la, lo) ? { lat: la, lon: lo } : null;
  const decimal = { inputMode: 'decimal', autoComplete: 'off', spellCheck: false } as const;
  // checked as the point is placed, against the boundary drawn (the server checks the full one on save)
  const boundary = boundaries.data?.features.find((f) => f.properties.istatCode === municipality)?.geometry;
  const outside = point && municipality ? pointInBoundary(point, boundary) === false : false;
  const latError = outside && !errors?.lat ? t('activities.form.pointOutside') : fieldErrorText(t, errors?.lat);

  const locate = () => {
    if (!('geolocation' in navigator)) {
      setLocating('failed');
      return;
    }
    setLocating('busy');
    navigator.geolocation.getCurrentPosition(
      (position) => {
        setLocating('idle');
        onPoint({ lat: position.coords.latitude.toFixed(6), lon: position.coords.longitude.toFixed(6) });
      },
      () => setLocating('failed'),
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
    );
  };

  return (
    <fieldset className="fieldset location-map">
      <legend>{t('activities.form.location')}</legend>
      <p className="field__hint">{t('activities.form.locationHint')}</p>
      <Suspense fallback={<Loading />}>
        <LocationMap
          boundaries={boundaries.data}
          municipality={municipality}
          choices={choices}
          point={point}
          onPick={(p) => onPoint({ lat: String(p.lat), lon: String(p.lon) })}
          label={t('activities.form.locationMap')}
          attribution={BOUNDARY_ATTRIBUTION}
        />
      </Suspense>
      <div className="grid-2">
        <TextField
          label={t('activities.form.lat')}
          hint={t('activities.form.latHint')}
          {...decimal}
          error={latError}
          {...register('location.lat')}
        />
        <TextField
          label={t('activities.form.lon')}
          hint={t('activities.form.lonHint')}
          {...decimal}
          error={fieldErrorText(t, errors?.lon)}
          {...register('location.lon')}
        />
      </div>
      <div className="form__actions">
        <button type="button" className="button button--secondary button--small" onClick={locate} disabled={locating === 'busy'}>
          {locating === 'busy' ? t('activities.form.locating') : t('activities.form.useMyPosition')}
        </button>
        {lat || lon ? (
          <button type="button" className="button button--ghost button--small" onClick={() => onPoint({ lat: '', lon: '' })}>
            {t('activities.form.clearPoint')}
          </button>
        ) : null}
        <span role="status" className="field__hint">
          {locating === 'failed' ? t('activities.form.locateFailed') : ''}
        </span>
      </div>
    </fieldset>
  );
}
