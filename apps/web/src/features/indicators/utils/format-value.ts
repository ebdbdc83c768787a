import type { IndicatorDefinitionSummary } from '@trama/contracts';

export interface ValueFormat {
  /** a value with its unit, or the "missing" text for null (missing is not zero) */
  value: (value: number | null | undefined) => string;
  /** a bare number (axis labels, legend bounds) */
  number: (value: number) => string;
  /** a share of the target (0.8 → 80%) */
  share: (share: number) => string;
}

/** Per capita values get at least two decimals: 0.4 per 1,000 inhabitants is a real figure. */
const PER_CAPITA_DECIMALS = 2;

export function valueFormat(
  indicator: Pick<IndicatorDefinitionSummary, 'unit' | 'decimals'>,
  options: { locale: string; perCapita: boolean; missing: string; unitSuffix: string },
): ValueFormat {
  const decimals = options.perCapita ? Math.max(indicator.decimals, PER_CAPITA_DECIMALS) : indicator.decimals;
  const euro = indicator.unit === 'euro';
  const plain = new Intl.NumberFormat(options.locale, { maximumFractionDigits: decimals, minimumFractionDigits: 0 });
  const money = new Intl.NumberFormat(options.locale, { style: 'currency', currency: 'EUR', maximumFractionDigits: Math.max(decimals, 2) });
  const percent = new Intl.NumberFormat(options.locale, { style: 'percent', maximumFractionDigits: 0 });
  const withUnit = (n: number) => {
    if (euro && !options.perCapita) return money.format(n);
    const text = plain.format(n);
    return options.unitSuffix ? `${text} ${options.unitSuffix}` : text;
  };
  return {
    value: (v) => (typeof v === 'number' && Number.isFinite(v) ? withUnit(v) : options.missing),
    number: (n) => plain.format(n),
    share: (s) => percent.format(s),
  };
}
