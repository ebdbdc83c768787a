import { HOME_DEFAULT_PERIOD_DAYS } from '@trama/contracts';
import type { ActivityFilter } from '../../../lib/filters/activities';

/**
 * The map's activities are "of the period" (issue 9; docs/map.md, "Activities of the period"): with
 * no dates in the URL the layer shows the last HOME_DEFAULT_PERIOD_DAYS days (90, today included, as
 * the municipality home), so the default view stays fast with a million activities. The user
 * changes the dates in the activities' filters or asks for every period (`period=all` in the URL).
 * The API answers any period: the default is the page's, not the server's.
 */
export const MAP_ACTIVITIES_DEFAULT_PERIOD_DAYS = HOME_DEFAULT_PERIOD_DAYS;

const DAY_MS = 86_400_000;

/** Today's date in Italy (YYYY-MM-DD), whatever the device's time zone. */
export function todayInItaly(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The default period: the last 90 days ending today (inclusive). */
export function defaultActivityPeriod(today: string): { from: string; to: string } {
  return { from: addDays(today, -(MAP_ACTIVITIES_DEFAULT_PERIOD_DAYS - 1)), to: today };
}

/** How the activities' period reads: the default one, a chosen range, or every period. */
export type ActivityPeriodKind = 'default' | 'chosen' | 'all';

export function activityPeriodKind(filter: ActivityFilter, today: string): ActivityPeriodKind {
  if (!filter.from && !filter.to) return 'all';
  const period = defaultActivityPeriod(today);
  return filter.from === period.from && filter.to === period.to ? 'default' : 'chosen';
}

/** The URL value that asks for every period (without it, no dates means the default period). */
export const ALL_PERIODS_PARAM = 'period';
export const ALL_PERIODS_VALUE = 'all';
