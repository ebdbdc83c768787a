import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Classification } from '../utils/class-breaks';
import type { ValueFormat } from '../utils/format-value';

/**
 * The choropleth's legend: each class in words (its number, its range, how many territories), with
 * its colour, and "missing" with its hatching. The same class numbers appear in the ranking table, so
 * the colour is never the only way to read the map.
 */
export function ChoroplethLegend({ classification, format }: { classification: Classification; format: ValueFormat }) {
  const { t } = useTranslation();
  const titleId = useId();
  const { classes, missing } = classification;
  return (
    <section className="choropleth-legend" aria-labelledby={titleId}>
      <h3 id={titleId} className="choropleth-legend__title">
        {t('indicators.legend.title')}
      </h3>
      <ul className="choropleth-legend__items">
        {classes.map((c) => (
          <li key={c.index} className="choropleth-legend__item">
            <span className="choropleth-swatch" style={{ background: c.color }} aria-hidden="true" />
            <span>
              {t('indicators.legend.class', {
                index: c.index,
                range:
                  c.min === c.max
                    ? format.number(c.min)
                    : t('indicators.legend.range', { min: format.number(c.min), max: format.number(c.max) }),
                count: c.count,
              })}
            </span>
          </li>
        ))}
        <li className="choropleth-legend__item">
          <span className="choropleth-swatch choropleth-swatch--missing" aria-hidden="true" />
          <span>{t('indicators.legend.missing', { count: missing })}</span>
        </li>
      </ul>
      {classes.length === 0 ? <p className="muted">{t('indicators.legend.empty')}</p> : null}
    </section>
  );
}
