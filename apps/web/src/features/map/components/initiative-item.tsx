import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { InitiativeRecord } from '../api/initiatives';
import { LAYER_DEFINITIONS } from '../utils/layers';

/** One initiative in the map's list and panel: title (a link to it), municipalities, status. */
export function InitiativeItem({ initiative, headingLevel = 3 }: { initiative: InitiativeRecord; headingLevel?: 2 | 3 | 4 }) {
  const { t } = useTranslation();
  const Heading = `h${headingLevel}` as const;
  const municipalities = initiative.municipalities.length > 0 ? initiative.municipalities : [initiative.municipality];
  return (
    <article className="map-item">
      <Heading className="map-item__title">
        <Link to={LAYER_DEFINITIONS.initiatives.detailPath(initiative.id)}>{initiative.title}</Link>
      </Heading>
      <ul className="map-item__meta">
        <li>
          <span className="sr-only">
            {t(municipalities.length > 1 ? 'mapPage.fields.municipalities' : 'activities.fields.municipality')}:{' '}
          </span>
          {municipalities.map((m) => m.name).join(', ')}
        </li>
        <li>
          <span className="sr-only">{t('mapPage.fields.status')}: </span>
          {t(`vocab.initiativeStatus.${initiative.status}`)}
        </li>
        {initiative.location ? null : <li>{t('mapPage.notPlaced')}</li>}
      </ul>
    </article>
  );
}
