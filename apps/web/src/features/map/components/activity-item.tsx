import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormatters } from '../../../lib/i18n/format';
import type { ActivityRecord } from '../api/types';
import { LAYER_DEFINITIONS } from '../utils/layers';

/** One activity in the map's list and panel: title (a link to it), date, municipality, type. */
export function ActivityItem({ activity, headingLevel = 3 }: { activity: ActivityRecord; headingLevel?: 2 | 3 | 4 }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const Heading = `h${headingLevel}` as const;
  return (
    <article className="map-item">
      <Heading className="map-item__title">
        <Link to={LAYER_DEFINITIONS.activities.detailPath(activity.id)}>{activity.title ?? t('activities.untitled')}</Link>
      </Heading>
      <ul className="map-item__meta">
        <li>
          <span className="sr-only">{t('activities.fields.date')}: </span>
          {format.date(activity.date)}
        </li>
        <li>
          <span className="sr-only">{t('activities.fields.municipality')}: </span>
          {activity.municipality.name}
        </li>
        {activity.type ? (
          <li>
            <span className="sr-only">{t('activities.fields.type')}: </span>
            {t(`vocab.activityType.${activity.type}`)}
          </li>
        ) : null}
        <li>
          <span className="sr-only">{t('activities.fields.status')}: </span>
          {t(`vocab.activityStatus.${activity.status}`)}
        </li>
        {activity.location ? null : <li>{t('mapPage.notPlaced')}</li>}
      </ul>
    </article>
  );
}
