/**
 * The choropleth's classes: at most five, by quantiles of the values shown (each class holds about
 * as many territories as the next), so that a few large municipalities do not leave every other one
 * in the first class. Missing values (null) take no class: the map and the legend show them apart
 * ("dato mancante"), never as zero. Breaks are the values themselves, so a class's range reads as
 * "from the smallest to the largest value in it".
 */

/** Viridis in five steps (perceptually ordered, readable with the common colour-vision deficiencies and in greyscale). */
export const CLASS_PALETTE = ['#440154', '#3b528b', '#21918c', '#5ec962', '#fde725'] as const;

export const MAX_CLASSES = CLASS_PALETTE.length;

export interface ValueClass {
  /** 1-based position, low to high */
  index: number;
  min: number;
  max: number;
  color: string;
  /** how many of the values fall in it */
  count: number;
}

export interface Classification {
  classes: ValueClass[];
  /** the class of a value (null: missing, no class) */
  classOf: (value: number | null | undefined) => ValueClass | null;
  missing: number;
}

/** The palette's colours for `n` classes: spread over the whole ramp, so that two classes are never neighbours in hue. */
export function paletteFor(n: number): string[] {
  if (n <= 0) return [];
  if (n === 1) return [CLASS_PALETTE[2]];
  return Array.from({ length: n }, (_, i) => CLASS_PALETTE[Math.round((i * (CLASS_PALETTE.length - 1)) / (n - 1))]);
}

/**
 * Quantile classes of `values` (nulls ignored). Fewer distinct values than classes: one class per
 * value. Equal values never straddle two classes.
 */
export function classify(values: readonly (number | null | undefined)[], maxClasses: number = MAX_CLASSES): Classification {
  const present = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v)).sort((a, b) => a - b);
  const missing = values.length - present.length;
  const distinct = [...new Set(present)];
  const groups: number[][] = [];
  if (distinct.length <= maxClasses) {
    for (const d of distinct) groups.push(present.filter((v) => v === d));
  } else {
    // cut the sorted values into maxClasses runs of about equal length, moving each cut past equal values
    let start = 0;
    for (let k = 1; k <= maxClasses && start < present.length; k++) {
      let end = k === maxClasses ? present.length : Math.round((k * present.length) / maxClasses);
      if (end <= start) end = start + 1;
      while (end < present.length && present[end] === present[end - 1]) end++;
      groups.push(present.slice(start, end));
      start = end;
    }
  }
  const colors = paletteFor(groups.length);
  const classes: ValueClass[] = groups.map((g, i) => ({
    index: i + 1,
    min: g[0],
    max: g[g.length - 1],
    color: colors[i],
    count: g.length,
  }));
  const classOf = (value: number | null | undefined): ValueClass | null => {
    if (typeof value !== 'number' || !Number.isFinite(value) || classes.length === 0) return null;
    // the first class whose upper bound reaches the value; a value beyond every class (not among the classified) takes the last
    return classes.find((c) => value <= c.max) ?? classes[classes.length - 1];
  };
  return { classes, classOf, missing };
}
