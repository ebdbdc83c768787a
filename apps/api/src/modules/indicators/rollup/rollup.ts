import { childPeriods, formatPeriod, type Period } from './periods';

/**
 * # The roll-up engine (pure; docs/indicators-rollup.md)
 *
 * Rolls an indicator's values up municipality → social area → tenant and month → quarter → year,
 * each with the definition's aggregation. The rules, in the order they are tried for a cell
 * (territory T, period P):
 *
 * 1. **An entered value wins**: a value entered (or imported, or computed) for exactly T and P is
 *    the cell's value, whatever lies below it (a coordinator who types the metropolitan figure of
 *    2025 means that figure, not the sum of incomplete municipal ones).
 * 2. **Else over time, when T has values of its own inside P**: P's parts (a year's quarters, a
 *    quarter's months) for the same T, aggregated with the time aggregation (each part follows
 *    these rules in turn). A territory's own figures stay together: a tenant-level monthly series
 *    (or a distinct count, which is not the sum of its places) adds up to the tenant's quarter.
 * 3. **Else across territory**: T's parts (a social area's municipalities; the tenant's social
 *    areas, and its municipalities that belong to none) for the same P, aggregated with the
 *    territory aggregation, when at least one part has a value. Each place is rolled over time
 *    first, so a stock reported in January by one municipality and in February by another adds
 *    both latest figures.
 * 4. **Else missing**: `value: null` — never zero.
 *
 * A roll-up over parts of which some are missing says so: `covered` of `expected` parts had a
 * value, and `complete` is true only when every part had one and was complete itself.
 *
 * Aggregations: `sum` adds the parts that have a value; `avg` is their plain mean; `max` their
 * maximum; `last` (over time) the value of the latest part that has one. Over territory `last`
 * means nothing (every place is "latest"): it adds, as a stock at a date adds up across places.
 */
export type Aggregation = 'sum' | 'last' | 'avg' | 'max';

export type TerritoryRef = { level: 'tenant' } | { level: 'socialArea'; id: string } | { level: 'municipality'; id: string };

export interface GeoMunicipality {
  id: string;
  /** null: a municipality in no social area (it rolls straight up to the tenant) */
  socialAreaId: string | null;
}

export interface EnteredValue {
  territory: TerritoryRef;
  period: Period;
  value: number;
}

export interface RollupCell {
  value: number | null;
  /** parts with a value (1 of 1 for an entered value, 0 for a missing one) */
  covered: number;
  /** parts the cell was rolled up from (1 for an entered value) */
  expected: number;
  /** every part present and complete itself */
  complete: boolean;
  /** how the value came: `entered` (rule 1), `territory` (2), `time` (3), `missing` (4) */
  source: 'entered' | 'territory' | 'time' | 'missing';
}

export interface RollupRules {
  time: Aggregation;
  territory: Aggregation;
}

export function territoryKey(t: TerritoryRef): string {
  return t.level === 'tenant' ? 'tenant' : `${t.level}:${t.id}`;
}

/** Aggregates the values of the parts that have one; null when none has. */
export function aggregate(kind: Aggregation, values: readonly (number | null)[]): number | null {
  const present = values.filter((v): v is number => v !== null);
  if (present.length === 0) return null;
  switch (kind) {
    case 'sum':
      return present.reduce((a, b) => a + b, 0);
    case 'avg':
      return present.reduce((a, b) => a + b, 0) / present.length;
    case 'max':
      return Math.max(...present);
    case 'last':
      return present[present.length - 1];
  }
}

export class RollupEngine {
  private readonly entered = new Map<string, number>();
  /** `<territory>|<period>` for every coarser period holding a value entered for that territory at a finer grain */
  private readonly ownFiner = new Set<string>();
  private readonly memo = new Map<string, RollupCell>();
  private readonly areaMunicipalities = new Map<string, string[]>();
  private readonly tenantParts: TerritoryRef[];

  constructor(
    municipalities: readonly GeoMunicipality[],
    values: readonly EnteredValue[],
    private readonly rules: RollupRules,
  ) {
    for (const v of values) {
      this.entered.set(cellKey(v.territory, v.period), v.value);
      for (const holder of coarserPeriods(v.period)) this.ownFiner.add(cellKey(v.territory, holder));
    }
    const orphans: TerritoryRef[] = [];
    for (const m of municipalities) {
      if (m.socialAreaId === null) {
        orphans.push({ level: 'municipality', id: m.id });
        continue;
      }
      const list = this.areaMunicipalities.get(m.socialAreaId) ?? [];
      list.push(m.id);
      this.areaMunicipalities.set(m.socialAreaId, list);
    }
    this.tenantParts = [...[...this.areaMunicipalities.keys()].map((id) => ({ level: 'socialArea' as const, id })), ...orphans];
  }

  /** The municipalities a territory covers (for populations and breakdowns). */
  municipalitiesOf(t: TerritoryRef): string[] {
    if (t.level === 'municipality') return [t.id];
    if (t.level === 'socialArea') return this.areaMunicipalities.get(t.id) ?? [];
    return this.tenantParts.flatMap((p) => this.municipalitiesOf(p));
  }

  cell(t: TerritoryRef, p: Period): RollupCell {
    const key = cellKey(t, p);
    const known = this.memo.get(key);
    if (known) return known;
    const result = this.compute(t, p, key);
    this.memo.set(key, result);
    return result;
  }

  private compute(t: TerritoryRef, p: Period, key: string): RollupCell {
    const entered = this.entered.get(key);
    if (entered !== undefined) return { value: entered, covered: 1, expected: 1, complete: true, source: 'entered' };

    const periods = childPeriods(p);
    if (this.ownFiner.has(key)) {
      const rolled = combine(
        this.rules.time,
        periods.map((part) => this.cell(t, part)),
        'time',
      );
      if (rolled) return rolled;
    }
    const places = this.territoryParts(t);
    if (places.length > 0) {
      const territoryAgg = this.rules.territory === 'last' ? 'sum' : this.rules.territory;
      const rolled = combine(
        territoryAgg,
        places.map((part) => this.cell(part, p)),
        'territory',
      );
      if (rolled) return rolled;
    }
    return { value: null, covered: 0, expected: Math.max(places.length, periods.length, 1), complete: false, source: 'missing' };
  }

  private territoryParts(t: TerritoryRef): TerritoryRef[] {
    if (t.level === 'tenant') return this.tenantParts;
    if (t.level === 'socialArea') return (this.areaMunicipalities.get(t.id) ?? []).map((id) => ({ level: 'municipality' as const, id }));
    return [];
  }
}

function combine(kind: Aggregation, parts: RollupCell[], source: 'territory' | 'time'): RollupCell | null {
  const value = aggregate(
    kind,
    parts.map((c) => c.value),
  );
  if (value === null) return null;
  const covered = parts.filter((c) => c.value !== null).length;
  return { value, covered, expected: parts.length, complete: parts.every((c) => c.complete), source };
}

/** The quarter and year holding a month; the year holding a quarter. */
function coarserPeriods(p: Period): Period[] {
  const year: Period = { grain: 'year', year: p.year, index: 0 };
  if (p.grain === 'month') return [{ grain: 'quarter', year: p.year, index: Math.ceil(p.index / 3) }, year];
  if (p.grain === 'quarter') return [year];
  return [];
}

function cellKey(t: TerritoryRef, p: Period): string {
  return `${territoryKey(t)}|${formatPeriod(p)}`;
}
