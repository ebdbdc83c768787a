import { HOME_DEFAULT_PERIOD_DAYS } from '@trama/contracts';

/** The periods a municipality home offers; `90d` is the server's default (no dates sent). */
export const TERRITORY_PERIODS = ['30d', '90d', '365d', 'year'] as const;
export type TerritoryPeriod = (typeof TERRITORY_PERIODS)[number];
export const DEFAULT_TERRITORY_PERIOD: TerritoryPeriod = '90d';

const DAY_MS = 86_400_000;

function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Today's date in Italy, whatever the device's time zone. */
export function todayInItaly(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** The `periodo` URL parameter, or the default. */
export function territoryPeriodFrom(params: URLSearchParams): TerritoryPeriod {
  const p = params.get('periodo');
  return (TERRITORY_PERIODS as readonly string[]).includes(p ?? '') ? (p as TerritoryPeriod) : DEFAULT_TERRITORY_PERIOD;
}

/** The dates sent to the API: none for the default (the server's last 90 days), otherwise from/to ending today. */
export function territoryQuery(period: TerritoryPeriod, today: string): { from?: string; to?: string } {
  switch (period) {
    case '90d':
      return {};
    case '30d':
      return { from: addDays(today, -29), to: today };
    case '365d':
      return { from: addDays(today, -364), to: today };
    case 'year':
      return { from: `${today.slice(0, 4)}-01-01`, to: today };
  }
}

export { HOME_DEFAULT_PERIOD_DAYS };
