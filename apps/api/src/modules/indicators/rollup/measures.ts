import { elapsedShare, type Period } from './periods';

/**
 * Per-capita values, targets and progress (pure; docs/indicators-rollup.md).
 */

export interface PopulationFigure {
  year: number;
  population: number;
}

/**
 * A municipality's population for a year: the figure of the latest year ≤ `year`, else the earliest
 * known (a 2019 value is shown per 1,000 inhabitants of the 2020 census when that is the first).
 * null when nothing is known.
 */
export function populationFor(figures: readonly PopulationFigure[], year: number): number | null {
  if (figures.length === 0) return null;
  let best: PopulationFigure | null = null;
  let earliest = figures[0];
  for (const f of figures) {
    if (f.year < earliest.year) earliest = f;
    if (f.year <= year && (best === null || f.year > best.year)) best = f;
  }
  return (best ?? earliest).population;
}

/**
 * A territory's population for a year: the sum over its municipalities; null when one of them has
 * no figure at all (a per-capita value over part of a territory would be wrong, not incomplete).
 */
export function territoryPopulation(
  municipalityIds: readonly string[],
  figures: ReadonlyMap<string, readonly PopulationFigure[]>,
  year: number,
): number | null {
  if (municipalityIds.length === 0) return null;
  let total = 0;
  for (const id of municipalityIds) {
    const p = populationFor(figures.get(id) ?? [], year);
    if (p === null) return null;
    total += p;
  }
  return total;
}

/** The value per 1,000 inhabitants: after the roll-up (a ratio of sums, never a sum of ratios); null without a population. */
export function perThousand(value: number | null, population: number | null): number | null {
  if (value === null || population === null || population <= 0) return null;
  return (value * 1000) / population;
}

/** `higher` is better (initiatives realised) or `lower` is better (crimes reported). */
export type Direction = 'higher' | 'lower';
export type ProgressStatus = 'reached' | 'on_track' | 'behind';

export interface Progress {
  /** share of the way from the start (baseline, or 0) to the target, 0–∞ (1 = reached); never below 0 */
  share: number;
  status: ProgressStatus;
  /** share of the target's year elapsed when judged (1 once the year is over) */
  expectedShare: number;
}

export interface ProgressInput {
  value: number | null;
  target: number | null;
  direction: Direction;
  /** the baseline value (a level before the programme); null if none */
  baseline: number | null;
  /** a flow (time aggregation `sum`): each year starts from zero, so the baseline does not apply */
  flow: boolean;
  /** the period judged: its elapsed share at `today` is what "on track" is measured against */
  period: Period;
  /** `YYYY-MM-DD` */
  today: string;
}

/**
 * Progress toward a target, with the direction:
 * - higher is better: share = (value − start) / (target − start), start = the baseline for a level
 *   indicator with a baseline below the target, else 0 (a flow, or no usable baseline);
 * - lower is better: share = (start − value) / (start − target), start = the baseline (it must lie
 *   above the target); without one: 1 when value ≤ target, else target / value;
 * - `reached` when share ≥ 1 (value at or beyond the target in its direction);
 *   otherwise, while the period runs, `on_track` when share ≥ the elapsed share of the period
 *   (a year half gone wants half the way done), else `behind`; once the period is over, `behind`.
 * null when there is no value or no target, or a period not started yet.
 */
export function progressOf(input: ProgressInput): Progress | null {
  const { value, target, direction, baseline, flow, period, today } = input;
  if (value === null || target === null) return null;
  const expectedShare = elapsedShare(period, today);
  if (expectedShare === 0) return null;
  let share: number;
  if (direction === 'higher') {
    const start = !flow && baseline !== null && baseline < target ? baseline : 0;
    share = target === start ? (value >= target ? 1 : 0) : (value - start) / (target - start);
  } else if (baseline !== null && baseline > target) {
    share = (baseline - value) / (baseline - target);
  } else {
    share = value <= target ? 1 : value === 0 ? 0 : target / value;
  }
  share = Math.max(0, share);
  const status: ProgressStatus = share >= 1 ? 'reached' : expectedShare < 1 && share >= expectedShare ? 'on_track' : 'behind';
  return { share: round(share, 4), status, expectedShare: round(expectedShare, 4) };
}

function round(n: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}
