/** Calendar-date helpers for the dashboard's period (dates as `YYYY-MM-DD`, no time zone involved). */
import { isDateOnly as isCalendarDate, type YearRange } from '../../common/http/date-only';

function parse(value: string): Date {
  return new Date(`${value}T00:00:00Z`);
}

function format(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The years a period's dates may fall in: four digits (the pattern stops at 9999). */
export const PERIOD_YEARS: YearRange = { min: 1000 };

/** A calendar date as `YYYY-MM-DD` that exists (no 2026-02-30), between years 1000 and 9999. */
export function isDateOnly(value: unknown): value is string {
  return isCalendarDate(value, PERIOD_YEARS);
}

export function addDays(value: string, days: number): string {
  const date = parse(value);
  date.setUTCDate(date.getUTCDate() + days);
  return format(date);
}

/** The same day `years` later (29 February falls on 1 March). */
export function addYears(value: string, years: number): string {
  const date = parse(value);
  date.setUTCFullYear(date.getUTCFullYear() + years);
  return format(date);
}

/** First day of the staleness window that ends on `to` and lasts `staleDays` days (both ends included). */
export function staleSince(to: string, staleDays: number): string {
  return addDays(to, -(staleDays - 1));
}
