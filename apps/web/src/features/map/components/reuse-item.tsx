import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ReuseRankedItem } from '../api/reuse';
import { LAYER_DEFINITIONS } from '../utils/layers';
import { reuseBandOf } from '../utils/reuse-band';

/**
 * One building of the reuse ranking in the map's list: name (a link to it), municipality, its score
 * and band in words — "not scored yet" for a building new since the last recompute, as the map draws it
 * (its provisional score, computed on read, beside it).
 */
export function ReuseItem({ item, headingLevel = 3 }: { item: ReuseRankedItem; headingLevel?: 2 | 3 | 4 }) {
  const { t } = useTranslation();
  const Heading = `h${headingLevel}` as const;
  const { building } = item;
  const band = item.provisional ? 'unscored' : reuseBandOf(item.score);
  return (
    <article className="map-item">
      <Heading className="map-item__title">
        <Link to={LAYER_DEFINITIONS.reuse.detailPath(building.id)}>{building.name}</Link>
      </Heading>
      <ul className="map-item__meta">
        <li>
          <span className="sr-only">{t('activities.fields.municipality')}: </span>
          {building.municipality.name}
        </li>
        <li>
          {item.provisional
            ? t('mapPage.reuse.provisional', { score: item.score, band: t(`vocab.reuseBand.${band}`) })
            : t('mapPage.reuse.score', { score: item.score, band: t(`vocab.reuseBand.${band}`) })}
        </li>
        {building.location ? null : <li>{t('mapPage.notPlaced')}</li>}
      </ul>
    </article>
  );
}
