import type { IndicatorDirection, IndicatorValuePoint } from '@trama/contracts';

export interface RankedPoint {
  point: IndicatorValuePoint;
  /** 1 = best, following the indicator's direction; equal values share a rank; null: missing */
  rank: number | null;
}

/** Best first (highest, or lowest for "lower is better"), equal values share a rank, missing values last, by name. */
export function rankPoints(
  items: readonly IndicatorValuePoint[],
  direction: IndicatorDirection,
  compare: (a: string, b: string) => number,
): RankedPoint[] {
  const sign = direction === 'lower' ? 1 : -1;
  const sorted = [...items].sort((a, b) => {
    if (a.value === null || b.value === null) {
      if (a.value === b.value) return compare(a.territoryName, b.territoryName);
      return a.value === null ? 1 : -1;
    }
    return sign * (a.value - b.value) || compare(a.territoryName, b.territoryName);
  });
  let rank = 0;
  let previous: number | null = null;
  return sorted.map((point, i) => {
    if (point.value === null) return { point, rank: null };
    if (point.value !== previous) rank = i + 1;
    previous = point.value;
    return { point, rank };
  });
}
