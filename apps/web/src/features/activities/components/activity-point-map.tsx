import { lazy, Suspense, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../../components/loading';
import { BOUNDARY_ATTRIBUTION, useMunicipalityBoundaries } from '../../../lib/reference/boundaries';
import type { ActivityDto } from '../api/types';
import { formatCoordinate } from '../utils/coordinates';

// Leaflet loads only when an activity with a point is shown.
const LocationMap = lazy(() => import('./location-map').then((m) => ({ default: m.LocationMap })));

/**
 * Where the activity took place, on the detail page: the municipality's boundary (no tiles: they
 * cannot load offline) with the point, and the coordinates as stored beside it (the map's text equivalent).
 */
export function ActivityPointMap({ activity }: { activity: Pick<ActivityDto, 'location' | 'municipality'> }) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const boundaries = useMunicipalityBoundaries();
  const point = activity.location;
  if (!point) return null;
  return (
    <section className="panel activity-point-map" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('activities.point.title')}</h2>
      <Suspense fallback={<Loading />}>
        <LocationMap
          boundaries={boundaries.data}
          municipality={activity.municipality.istatCode}
          choices={[]}
          point={point}
          label={t('activities.point.map')}
          attribution={BOUNDARY_ATTRIBUTION}
        />
      </Suspense>
      <dl className="summary">
        <dt>{t('activities.point.coordinates')}</dt>
        <dd>
          {t('activities.fields.coordinates', {
            lat: formatCoordinate(point.lat, i18n.language),
            lon: formatCoordinate(point.lon, i18n.language),
          })}
        </dd>
      </dl>
    </section>
  );
}
