import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../../lib/i18n/format';
import type { LayerCollection } from '../api/types';
import { categoryColor, NO_CATEGORY, type MapLayerDefinition } from '../utils/layers';

/** Records per category in a layer's answer (clusters' counts and single records). */
export function countsByCategory(collection: LayerCollection | undefined): Map<string, number> {
  const counts = new Map<string, number>();
  for (const f of collection?.features ?? []) {
    if (f.properties.cluster) {
      for (const [category, n] of Object.entries(f.properties.categories ?? {})) counts.set(category, (counts.get(category) ?? 0) + n);
    } else {
      const category = f.properties.category ?? NO_CATEGORY;
      counts.set(category, (counts.get(category) ?? 0) + 1);
    }
  }
  return counts;
}

/**
 * The legend: every category in words, with its colour and how many of the visible records have
 * it (colour is never the only cue), and what a numbered circle means.
 */
export function MapLegend({ layers }: { layers: { definition: MapLayerDefinition; collection: LayerCollection | undefined }[] }) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <section className="map-legend" aria-labelledby="map-legend-title">
      <h2 id="map-legend-title" className="map-legend__title">
        {t('mapPage.legend.title')}
      </h2>
      {layers.map(({ definition, collection }) => {
        const counts = countsByCategory(collection);
        const categories = [...definition.categories, ...(counts.has(NO_CATEGORY) ? [NO_CATEGORY] : [])];
        return (
          <div key={definition.layer} className="map-legend__layer">
            <h3 className="map-legend__layer-title">{t(`mapPage.layers.${definition.layer}`)}</h3>
            <ul className="map-legend__items">
              {categories.map((category) => (
                <li key={category} className="map-legend__item">
                  <span className="map-legend__swatch" style={{ background: categoryColor(definition, category) }} aria-hidden="true" />
                  <span>
                    {category === NO_CATEGORY ? t('mapPage.legend.none') : t(`${definition.categoryLabels}.${category}`)}
                    {collection ? ` (${format.integer(counts.get(category) ?? 0)})` : ''}
                  </span>
                </li>
              ))}
            </ul>
          </div>
        );
      })}
      <p className="map-legend__item">
        <span className="map-legend__cluster" aria-hidden="true">
          12
        </span>
        <span>{t('mapPage.legend.cluster')}</span>
      </p>
    </section>
  );
}
