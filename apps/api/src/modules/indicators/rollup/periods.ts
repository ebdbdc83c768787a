/**
 * Periods of the roll-up: a year (`2026`), a quarter (`2026-Q3`) or a month (`2026-09`), as the
 * contract writes them. Pure: the engine, the computed indicators and the read service share them.
 */
export type Grain = 'year' | 'quarter' | 'month';

export interface Period {
  grain: Grain;
  year: number;
  /** 1–4 for a quarter, 1–12 for a month, 0 for a year */
  index: number;
}

const PATTERN = /^(\d{4})(?:-Q([1-4])|-(0[1-9]|1[0-2]))?$/;

/** Parses `2026`, `2026-Q3`, `2026-09`; null for anything else (years 1900–2200). */
export function parsePeriod(text: string): Period | null {
  const m = PATTERN.exec(text);
  if (!m) return null;
  const year = Number(m[1]);
  if (year < 1900 || year > 2200) return null;
  if (m[2]) return { grain: 'quarter', year, index: Number(m[2]) };
  if (m[3]) return { grain: 'month', year, index: Number(m[3]) };
  return { grain: 'year', year, index: 0 };
}

export function formatPeriod(p: Period): string {
  if (p.grain === 'year') return String(p.year);
  if (p.grain === 'quarter') return `${p.year}-Q${p.index}`;
  return `${p.year}-${String(p.index).padStart(2, '0')}`;
}

/** The periods one step finer: a year's four quarters, a quarter's three months; none for a month. */
export function childPeriods(p: Period): Period[] {
  if (p.grain === 'year') return [1, 2, 3, 4].map((index) => ({ grain: 'quarter' as const, year: p.year, index }));
  if (p.grain === 'quarter') return [1, 2, 3].map((k) => ({ grain: 'month' as const, year: p.year, index: (p.index - 1) * 3 + k }));
  return [];
}

/** The months a period covers, in order. */
export function monthsOf(p: Period): Period[] {
  if (p.grain === 'month') return [p];
  return childPeriods(p).flatMap(monthsOf);
}

/** First day of the period (UTC date, `YYYY-MM-DD`). */
export function periodStart(p: Period): string {
  const month = p.grain === 'year' ? 1 : p.grain === 'quarter' ? (p.index - 1) * 3 + 1 : p.index;
  return `${p.year}-${String(month).padStart(2, '0')}-01`;
}

/** Last day of the period (UTC date, `YYYY-MM-DD`). */
export function periodEnd(p: Period): string {
  const lastMonth = p.grain === 'year' ? 12 : p.grain === 'quarter' ? p.index * 3 : p.index;
  const day = new Date(Date.UTC(p.year, lastMonth, 0)).getUTCDate();
  return `${p.year}-${String(lastMonth).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The periods of `grain` from the one holding `from` to the one holding `to`, in order (empty when `to` precedes `from`). */
export function periodRange(from: Period, to: Period, grain: Grain): Period[] {
  const first = coarsen(from, grain, 'start');
  const last = coarsen(to, grain, 'end');
  const out: Period[] = [];
  const step = grain === 'year' ? 1 : grain === 'quarter' ? 4 : 12;
  for (let n = ordinal(first, step); n <= ordinal(last, step); n++) {
    const year = Math.floor(n / step);
    out.push({ grain, year, index: grain === 'year' ? 0 : (n % step) + 1 });
  }
  return out;
}

function ordinal(p: Period, step: number): number {
  return p.year * step + (step === 1 ? 0 : p.index - 1);
}

/** The period of `grain` that holds `p`'s first (or last) month. */
function coarsen(p: Period, grain: Grain, edge: 'start' | 'end'): Period {
  const months = monthsOf(p);
  const month = edge === 'start' ? months[0] : months[months.length - 1];
  if (grain === 'year') return { grain, year: p.year, index: 0 };
  if (grain === 'quarter') return { grain, year: p.year, index: Math.ceil(month.index / 3) };
  return month;
}

/** The share of the period elapsed at `today` (`YYYY-MM-DD`): 0 before it starts, 1 once it is over. */
export function elapsedShare(p: Period, today: string): number {
  const start = Date.parse(`${periodStart(p)}T00:00:00Z`);
  const end = Date.parse(`${periodEnd(p)}T00:00:00Z`) + 86_400_000;
  const now = Date.parse(`${today}T00:00:00Z`) + 86_400_000; // today counts as elapsed
  if (now <= start) return 0;
  if (now >= end) return 1;
  return (now - start) / (end - start);
}
