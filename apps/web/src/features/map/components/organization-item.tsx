import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { OrganizationRecord } from '../api/organizations';
import { LAYER_DEFINITIONS } from '../utils/layers';

/** One organization in the map's list and panel: name (a link to it), municipality, kind. */
export function OrganizationItem({ organization, headingLevel = 3 }: { organization: OrganizationRecord; headingLevel?: 2 | 3 | 4 }) {
  const { t } = useTranslation();
  const Heading = `h${headingLevel}` as const;
  return (
    <article className="map-item">
      <Heading className="map-item__title">
        <Link to={LAYER_DEFINITIONS.organizations.detailPath(organization.id)}>{organization.name}</Link>
      </Heading>
      <ul className="map-item__meta">
        <li>
          <span className="sr-only">{t('activities.fields.municipality')}: </span>
          {organization.municipality.name}
        </li>
        <li>
          <span className="sr-only">{t('mapPage.fields.kind')}: </span>
          {t(`vocab.organizationKind.${organization.kind}`)}
        </li>
        {organization.location ? null : <li>{t('mapPage.notPlaced')}</li>}
      </ul>
    </article>
  );
}
