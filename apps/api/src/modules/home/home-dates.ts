/** The homes' days are Italian days: "today" is the date in Europe/Rome. */
export const HOME_TIME_ZONE = 'Europe/Rome';

const DAY_MS = 86_400_000;

/** The date (YYYY-MM-DD) of `at` in Italian time. */
export function italianDate(at: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: HOME_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

/** `date` (YYYY-MM-DD) plus `days` (may be negative). */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (both YYYY-MM-DD). */
export function daysBetween(from: string, to: string): number {
  const ms = (s: string) => {
    const [y, m, d] = s.split('-').map(Number);
    return Date.UTC(y, m - 1, d);
  };
  return Math.round((ms(to) - ms(from)) / DAY_MS);
}
