import type { IndicatorValuePoint } from '@trama/contracts';
import type { TFunction } from 'i18next';
import type { ValueFormat } from './format-value';
import type { TrendTexts } from './trend-option';

/** The trend chart's words: series names and a one-sentence description for screen readers. */
export function trendTexts(
  t: TFunction,
  input: {
    name: string;
    territory: string;
    points: readonly IndicatorValuePoint[];
    format: ValueFormat;
    formatPeriod: (p: string) => string;
  },
): TrendTexts {
  const present = input.points.filter((p) => p.value !== null);
  const last = present[present.length - 1];
  return {
    title: input.name,
    value: t('indicators.trend.value'),
    target: t('indicators.trend.target'),
    description: last
      ? t('indicators.trend.description', {
          name: input.name,
          territory: input.territory,
          count: input.points.length,
          missing: input.points.length - present.length,
          period: input.formatPeriod(last.period),
          value: input.format.value(last.value),
        })
      : t('indicators.trend.descriptionEmpty', { name: input.name, territory: input.territory }),
    formatPeriod: input.formatPeriod,
    formatValue: (v) => input.format.value(v),
    formatNumber: input.format.number,
  };
}
