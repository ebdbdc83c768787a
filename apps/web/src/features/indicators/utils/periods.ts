import { parsePeriod, periodsBetween, type PeriodGrain } from '@trama/contracts';

export { PERIOD_GRAINS, type PeriodGrain } from '@trama/contracts';

/** Every period of the years `from`…`to` at a grain, oldest first (the trend's axis). */
export function periodsOfYears(from: number, to: number, grain: PeriodGrain): string[] {
  return periodsBetween(`${from}-01-01`, `${to}-12-31`, grain);
}

/** The first and last period of the years `from`…`to` at a grain (`from`/`to` of the values query). */
export function rangeOfYears(from: number, to: number, grain: PeriodGrain): { from: string; to: string } {
  const all = periodsOfYears(from, to, grain);
  return { from: all[0], to: all[all.length - 1] };
}

/** A period in words, in the interface's language: `2026`, `III trim. 2026` / `Q3 2026`, `set 2026` / `Sep 2026`. */
export function formatPeriod(period: string, locale: string, quarterLabel: (quarter: number, year: number) => string): string {
  const p = parsePeriod(period);
  if (!p) return period;
  if (p.grain === 'quarter') return quarterLabel(p.quarter!, p.year);
  if (p.grain === 'month') {
    return new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${p.start}T00:00:00Z`));
  }
  return p.code;
}
