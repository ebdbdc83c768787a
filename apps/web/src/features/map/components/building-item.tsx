import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { BuildingRecord } from '../api/types';
import { LAYER_DEFINITIONS } from '../utils/layers';

/** One building in the map's list and panel: name (a link to it), municipality, reuse stage, ownership. */
export function BuildingItem({ building, headingLevel = 3 }: { building: BuildingRecord; headingLevel?: 2 | 3 | 4 }) {
  const { t } = useTranslation();
  const Heading = `h${headingLevel}` as const;
  return (
    <article className="map-item">
      <Heading className="map-item__title">
        <Link to={LAYER_DEFINITIONS.buildings.detailPath(building.id)}>{building.name}</Link>
      </Heading>
      <ul className="map-item__meta">
        <li>
          <span className="sr-only">{t('activities.fields.municipality')}: </span>
          {building.municipality.name}
        </li>
        <li>
          <span className="sr-only">{t('mapPage.fields.stage')}: </span>
          {t(`vocab.reuseStage.${building.stage}`)}
        </li>
        <li>
          <span className="sr-only">{t('mapPage.fields.ownership')}: </span>
          {t(`vocab.buildingOwnership.${building.ownership}`)}
        </li>
        {building.location ? null : <li>{t('mapPage.notPlaced')}</li>}
      </ul>
    </article>
  );
}
