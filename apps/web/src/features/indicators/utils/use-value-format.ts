import type { IndicatorDefinitionSummary } from '@trama/contracts';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../../lib/i18n/format';
import { formatPeriod } from './periods';
import { valueFormat, type ValueFormat } from './format-value';

/** The values of one indicator in the interface's language: unit, decimals, per capita, missing. */
export function useValueFormat(
  indicator: Pick<IndicatorDefinitionSummary, 'unit' | 'decimals'> | undefined,
  perCapita: boolean,
): ValueFormat {
  const { t } = useTranslation();
  const { locale } = useFormatters();
  return useMemo(
    () =>
      valueFormat(indicator ?? { unit: 'count', decimals: 0 }, {
        locale,
        perCapita,
        missing: t('indicators.missing'),
        unitSuffix: perCapita
          ? t('indicators.perThousand')
          : t(`indicators.unitSuffix.${indicator?.unit ?? 'count'}`, { defaultValue: '' }),
      }),
    [indicator, perCapita, locale, t],
  );
}

/** Periods in words (`III trim. 2026`). */
export function usePeriodFormat(): (period: string) => string {
  const { t } = useTranslation();
  const { locale } = useFormatters();
  return useMemo(
    () => (period: string) => formatPeriod(period, locale, (quarter, year) => t('indicators.quarter', { quarter, year })),
    [t, locale],
  );
}

/** The definition's name in the interface's language. */
export function useIndicatorName(): (d: Pick<IndicatorDefinitionSummary, 'nameIt' | 'nameEn'>) => string {
  const { i18n } = useTranslation();
  return (d) => (i18n.language.startsWith('en') ? d.nameEn || d.nameIt : d.nameIt);
}
