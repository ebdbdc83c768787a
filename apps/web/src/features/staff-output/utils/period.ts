import { STAFF_OUTPUT_DEFAULT_STALE_DAYS, STAFF_OUTPUT_MAX_STALE_DAYS, STAFF_OUTPUT_MAX_YEARS } from '@trama/contracts';

/** Calendar periods of the dashboard. Dates are `YYYY-MM-DD` strings (no time zone: "today" is taken in Italy). */

export const PERIOD_PRESETS = ['last-30-days', 'this-month', 'last-month', 'this-quarter', 'this-year', 'custom'] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];
/**
 * The period the dashboard opens on: the last 30 days, today included. A calendar month has no data
 * on its first days ("this month" on the 1st was empty); a rolling window always shows recent work.
 */
export const DEFAULT_PRESET: PeriodPreset = 'last-30-days';

/** What the page shows, as it lives in the URL. */
export interface StaffOutputFilter {
  preset: PeriodPreset;
  /** only for `custom` */
  from?: string;
  to?: string;
  staleDays: number;
  /** admins: the metropolitan city (ISTAT code) */
  tenant?: string;
}

export interface Period {
  from: string;
  to: string;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isDate(value: string | null | undefined): value is string {
  if (!value) return false;
  const m = DATE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

const pad = (n: number) => String(n).padStart(2, '0');
const ymd = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;
/** Last day of a month (m: 1–12). */
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** Today's date in Italy (the programme's time zone), whatever the device's. */
export function todayInItaly(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** The dates of a preset on a given day. Current periods end today (nothing is logged in the future). */
export function presetPeriod(preset: Exclude<PeriodPreset, 'custom'>, today: string): Period {
  const [y, m] = today.split('-').map(Number);
  switch (preset) {
    case 'last-30-days': {
      const [ty, tm, td] = today.split('-').map(Number);
      const start = new Date(Date.UTC(ty, tm - 1, td) - 29 * 86_400_000).toISOString().slice(0, 10);
      return { from: start, to: today };
    }
    case 'this-month':
      return { from: ymd(y, m, 1), to: today };
    case 'last-month': {
      const [py, pm] = m === 1 ? [y - 1, 12] : [y, m - 1];
      return { from: ymd(py, pm, 1), to: ymd(py, pm, lastDay(py, pm)) };
    }
    case 'this-quarter':
      return { from: ymd(y, Math.floor((m - 1) / 3) * 3 + 1, 1), to: today };
    case 'this-year':
      return { from: ymd(y, 1, 1), to: today };
  }
}

/** The period a filter stands for, or null when a custom one is incomplete. */
export function periodOf(filter: StaffOutputFilter, today: string): Period | null {
  if (filter.preset !== 'custom') return presetPeriod(filter.preset, today);
  return filter.from && filter.to ? { from: filter.from, to: filter.to } : null;
}

function addYears(date: string, years: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return d.toISOString().slice(0, 10);
}

export type PeriodProblem = 'fromRequired' | 'toRequired' | 'toBeforeFrom' | 'tooLong';
export type StaleDaysProblem = 'staleDaysRange';

/** The same rules as the API (from ≤ to, less than 3 years; staleDays 1–365), checked before asking. */
export function periodProblems(from: string, to: string): Partial<Record<'from' | 'to', PeriodProblem>> {
  const out: Partial<Record<'from' | 'to', PeriodProblem>> = {};
  if (!isDate(from)) out.from = 'fromRequired';
  if (!isDate(to)) out.to = 'toRequired';
  if (out.from || out.to) return out;
  if (to < from) out.to = 'toBeforeFrom';
  else if (to >= addYears(from, STAFF_OUTPUT_MAX_YEARS)) out.to = 'tooLong';
  return out;
}

export function isStaleDays(value: number): boolean {
  return Number.isInteger(value) && value >= 1 && value <= STAFF_OUTPUT_MAX_STALE_DAYS;
}

/** Reads the filter from the URL; anything unknown or malformed falls back to the defaults. */
export function filterFromParams(params: URLSearchParams): StaffOutputFilter {
  const preset = (PERIOD_PRESETS as readonly string[]).includes(params.get('period') ?? '')
    ? (params.get('period') as PeriodPreset)
    : DEFAULT_PRESET;
  const staleDays = Number(params.get('staleDays') ?? STAFF_OUTPUT_DEFAULT_STALE_DAYS);
  const from = params.get('from');
  const to = params.get('to');
  const tenant = params.get('tenant') ?? '';
  return {
    preset,
    ...(preset === 'custom' ? { from: isDate(from) ? from : undefined, to: isDate(to) ? to : undefined } : {}),
    staleDays: isStaleDays(staleDays) ? staleDays : STAFF_OUTPUT_DEFAULT_STALE_DAYS,
    tenant: /^\d{3}$/.test(tenant) ? tenant : undefined,
  };
}

/** Writes the filter to search params, without defaults (short, readable links). */
export function filterToParams(filter: StaffOutputFilter): URLSearchParams {
  const params = new URLSearchParams();
  if (filter.tenant) params.set('tenant', filter.tenant);
  if (filter.preset !== DEFAULT_PRESET) params.set('period', filter.preset);
  if (filter.preset === 'custom') {
    if (filter.from) params.set('from', filter.from);
    if (filter.to) params.set('to', filter.to);
  }
  if (filter.staleDays !== STAFF_OUTPUT_DEFAULT_STALE_DAYS) params.set('staleDays', String(filter.staleDays));
  return params;
}
