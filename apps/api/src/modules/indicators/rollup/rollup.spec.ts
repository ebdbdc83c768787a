import { populationFor, perThousand, progressOf, territoryPopulation } from './measures';
import { elapsedShare, formatPeriod, parsePeriod, periodEnd, periodRange, type Period } from './periods';
import { aggregate, type EnteredValue, RollupEngine, type RollupRules, type TerritoryRef } from './rollup';

const P = (text: string): Period => {
  const p = parsePeriod(text);
  if (!p) throw new Error(text);
  return p;
};
const M = (id: string): TerritoryRef => ({ level: 'municipality', id });
const SA = (id: string): TerritoryRef => ({ level: 'socialArea', id });
const TENANT: TerritoryRef = { level: 'tenant' };

// two social areas: A = {a1, a2}, B = {b1}; and c0 in no social area
const GEO = [
  { id: 'a1', socialAreaId: 'A' },
  { id: 'a2', socialAreaId: 'A' },
  { id: 'b1', socialAreaId: 'B' },
  { id: 'c0', socialAreaId: null },
];
const v = (territory: TerritoryRef, period: string, value: number): EnteredValue => ({ territory, period: P(period), value });
const engine = (values: EnteredValue[], rules: RollupRules) => new RollupEngine(GEO, values, rules);
const SUM: RollupRules = { time: 'sum', territory: 'sum' };

describe('periods', () => {
  it('parses the three forms and refuses anything else', () => {
    expect(parsePeriod('2026')).toEqual({ grain: 'year', year: 2026, index: 0 });
    expect(parsePeriod('2026-Q3')).toEqual({ grain: 'quarter', year: 2026, index: 3 });
    expect(parsePeriod('2026-09')).toEqual({ grain: 'month', year: 2026, index: 9 });
    for (const bad of ['2026-Q5', '2026-13', '2026-9', '26', '2026-00', 'x2026', '2026-Q3 ', '1800']) expect(parsePeriod(bad)).toBeNull();
  });

  it('ranges by grain across years and ends months correctly', () => {
    expect(periodRange(P('2025-Q4'), P('2026-02'), 'month').map(formatPeriod)).toEqual([
      '2025-10',
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
    ]);
    expect(periodRange(P('2024'), P('2026'), 'quarter')).toHaveLength(12);
    expect(periodRange(P('2026'), P('2025'), 'year')).toEqual([]);
    expect(periodEnd(P('2024-02'))).toBe('2024-02-29');
    expect(periodEnd(P('2026-Q3'))).toBe('2026-09-30');
  });

  it('measures the elapsed share of a period', () => {
    expect(elapsedShare(P('2026'), '2025-12-31')).toBe(0);
    expect(elapsedShare(P('2026'), '2026-12-31')).toBe(1);
    expect(elapsedShare(P('2026-Q1'), '2026-02-14')).toBeCloseTo(45 / 90, 5);
  });
});

describe('aggregate', () => {
  it('ignores missing parts and is null when all are missing', () => {
    expect(aggregate('sum', [1, null, 4])).toBe(5);
    expect(aggregate('avg', [1, null, 4])).toBe(2.5);
    expect(aggregate('max', [1, null, 4])).toBe(4);
    expect(aggregate('last', [1, 4, null])).toBe(4);
    expect(aggregate('sum', [null, null])).toBeNull();
  });
});

describe('RollupEngine', () => {
  it('sums municipalities into social areas and the tenant (orphans straight to the tenant)', () => {
    const e = engine([v(M('a1'), '2025', 10), v(M('a2'), '2025', 5), v(M('b1'), '2025', 7), v(M('c0'), '2025', 1)], SUM);
    expect(e.cell(SA('A'), P('2025'))).toMatchObject({ value: 15, covered: 2, expected: 2, complete: true, source: 'territory' });
    expect(e.cell(TENANT, P('2025'))).toMatchObject({ value: 23, covered: 3, expected: 3, complete: true });
  });

  it('sums months into quarters and years, and says when months are missing (never zero)', () => {
    const e = engine([v(M('a1'), '2025-01', 1), v(M('a1'), '2025-02', 2), v(M('a1'), '2025-03', 3), v(M('a1'), '2025-04', 4)], SUM);
    expect(e.cell(M('a1'), P('2025-Q1'))).toMatchObject({ value: 6, covered: 3, expected: 3, complete: true, source: 'time' });
    expect(e.cell(M('a1'), P('2025-Q2'))).toMatchObject({ value: 4, covered: 1, expected: 3, complete: false });
    expect(e.cell(M('a1'), P('2025-Q3'))).toMatchObject({ value: null, covered: 0, complete: false, source: 'missing' });
    expect(e.cell(M('a1'), P('2025'))).toMatchObject({ value: 10, covered: 2, expected: 4, complete: false });
    expect(e.cell(M('a2'), P('2025'))).toMatchObject({ value: null });
    // the social area has a2 missing: a value, but not complete
    expect(e.cell(SA('A'), P('2025'))).toMatchObject({ value: 10, covered: 1, expected: 2, complete: false });
  });

  it('takes the latest month for a stock (last) and adds places', () => {
    const rules: RollupRules = { time: 'last', territory: 'sum' };
    const e = engine([v(M('a1'), '2025-01', 3), v(M('a1'), '2025-02', 5), v(M('a2'), '2025-01', 2), v(M('a2'), '2025-03', 4)], rules);
    expect(e.cell(M('a1'), P('2025-Q1'))).toMatchObject({ value: 5, complete: false });
    expect(e.cell(M('a2'), P('2025-Q1'))).toMatchObject({ value: 4, complete: false });
    expect(e.cell(SA('A'), P('2025-Q1')).value).toBe(9);
    expect(e.cell(SA('A'), P('2025')).value).toBe(9); // the year's last quarter with a value is Q1
    // 'last' over territory adds, as a stock across places
    expect(engine([v(M('a1'), '2025', 3), v(M('a2'), '2025', 4)], { time: 'last', territory: 'last' }).cell(SA('A'), P('2025')).value).toBe(
      7,
    );
  });

  it('averages and takes maxima across territory and time', () => {
    const avg = engine([v(M('a1'), '2025-Q1', 10), v(M('a1'), '2025-Q2', 20), v(M('a2'), '2025-Q1', 40)], {
      time: 'avg',
      territory: 'avg',
    });
    expect(avg.cell(M('a1'), P('2025')).value).toBe(15);
    expect(avg.cell(SA('A'), P('2025-Q1')).value).toBe(25);
    expect(avg.cell(SA('A'), P('2025')).value).toBe(27.5); // the mean of a1's 15 and a2's 40
    const max = engine([v(M('a1'), '2025-Q1', 10), v(M('a1'), '2025-Q2', 20), v(M('b1'), '2025-Q1', 40)], {
      time: 'max',
      territory: 'max',
    });
    expect(max.cell(TENANT, P('2025')).value).toBe(40);
    expect(max.cell(M('a1'), P('2025')).value).toBe(20);
  });

  it('lets a value entered at a coarser level win over the roll-up from below', () => {
    const e = engine([v(M('a1'), '2025', 10), v(M('a2'), '2025', 5), v(SA('A'), '2025', 100), v(M('a1'), '2025-Q1', 1)], SUM);
    expect(e.cell(SA('A'), P('2025'))).toMatchObject({ value: 100, source: 'entered', complete: true });
    expect(e.cell(M('a1'), P('2025')).value).toBe(10); // the entered year, not the one quarter
    expect(e.cell(TENANT, P('2025'))).toMatchObject({ value: 100, covered: 1, expected: 3, complete: false });
  });

  it('rolls a tenant entered monthly up over time when no place has a value', () => {
    const e = engine([v(TENANT, '2025-01', 4), v(TENANT, '2025-02', 6)], SUM);
    expect(e.cell(TENANT, P('2025-Q1'))).toMatchObject({ value: 10, source: 'time', covered: 2, expected: 3 });
    expect(e.cell(SA('A'), P('2025-Q1')).value).toBeNull();
  });

  it("keeps a territory's own monthly figures together (a distinct count is not the sum of its places)", () => {
    // one innovator works in a1 and a2: 1 in each, 1 in A (not 2)
    const months = ['2025-01', '2025-02', '2025-03'];
    const e = engine(
      months.flatMap((m) => [v(M('a1'), m, 1), v(M('a2'), m, 1), v(SA('A'), m, 1), v(TENANT, m, 1)]),
      { time: 'last', territory: 'sum' },
    );
    expect(e.cell(SA('A'), P('2025-Q1'))).toMatchObject({ value: 1, source: 'time', complete: true });
    expect(e.cell(TENANT, P('2025-Q1')).value).toBe(1);
    expect(e.cell(TENANT, P('2025')).value).toBe(1);
  });

  it('adds the latest figure of each place for a stock reported in different months', () => {
    const e = engine([v(M('a1'), '2025-01', 5), v(M('a2'), '2025-02', 3)], { time: 'last', territory: 'sum' });
    expect(e.cell(SA('A'), P('2025-Q1'))).toMatchObject({ value: 8, source: 'territory', complete: false });
  });

  it('lists the municipalities of each territory', () => {
    const e = engine([], SUM);
    expect(e.municipalitiesOf(SA('A'))).toEqual(['a1', 'a2']);
    expect(e.municipalitiesOf(TENANT).sort()).toEqual(['a1', 'a2', 'b1', 'c0']);
  });
});

describe('per capita', () => {
  const figures = new Map([
    [
      'a1',
      [
        { year: 2021, population: 1000 },
        { year: 2024, population: 2000 },
      ],
    ],
    ['a2', [{ year: 2023, population: 3000 }]],
  ]);

  it('uses the latest year not after the period, else the earliest known', () => {
    expect(populationFor(figures.get('a1')!, 2023)).toBe(1000);
    expect(populationFor(figures.get('a1')!, 2025)).toBe(2000);
    expect(populationFor(figures.get('a1')!, 2019)).toBe(1000);
    expect(populationFor([], 2025)).toBeNull();
  });

  it('divides the rolled-up value by the territory population of the year', () => {
    expect(territoryPopulation(['a1', 'a2'], figures, 2022)).toBe(4000);
    expect(territoryPopulation(['a1', 'a2'], figures, 2024)).toBe(5000);
    expect(territoryPopulation(['a1', 'zz'], figures, 2024)).toBeNull();
    expect(perThousand(10, 5000)).toBe(2);
    expect(perThousand(null, 5000)).toBeNull();
    expect(perThousand(3, null)).toBeNull();
  });
});

describe('progress', () => {
  const base = { baseline: null, flow: true, period: P('2026'), direction: 'higher' as const };

  it('is reached at or beyond the target, and null without value, target or before the year', () => {
    expect(progressOf({ ...base, value: 12, target: 10, today: '2026-03-01' })).toMatchObject({ share: 1.2, status: 'reached' });
    expect(progressOf({ ...base, value: null, target: 10, today: '2026-03-01' })).toBeNull();
    expect(progressOf({ ...base, value: 3, target: null, today: '2026-03-01' })).toBeNull();
    expect(progressOf({ ...base, value: 3, target: 10, today: '2025-12-01' })).toBeNull();
  });

  it('judges on track against the elapsed share of the year', () => {
    // 2026-07-02 closes day 183 of 365: about half the year gone
    expect(progressOf({ ...base, value: 6, target: 10, today: '2026-07-02' })).toMatchObject({ share: 0.6, status: 'on_track' });
    expect(progressOf({ ...base, value: 4, target: 10, today: '2026-07-02' })).toMatchObject({ share: 0.4, status: 'behind' });
    // once the year is over, short of the target is behind
    expect(progressOf({ ...base, value: 9, target: 10, today: '2027-01-10' })).toMatchObject({ status: 'behind', expectedShare: 1 });
  });

  it('measures a level indicator from its baseline; a flow from zero', () => {
    const level = { ...base, flow: false, baseline: 20, value: 25, target: 30, today: '2026-07-02' };
    expect(progressOf(level)).toMatchObject({ share: 0.5, status: 'behind' });
    expect(progressOf({ ...level, flow: true })).toMatchObject({ share: 0.8333, status: 'on_track' });
  });

  it('runs from the baseline down toward the target when lower is better', () => {
    const lower = { ...base, direction: 'lower' as const, flow: false, baseline: 100, target: 80, today: '2026-07-02' };
    expect(progressOf({ ...lower, value: 88 })).toMatchObject({ share: 0.6, status: 'on_track' });
    expect(progressOf({ ...lower, value: 95 })).toMatchObject({ share: 0.25, status: 'behind' });
    expect(progressOf({ ...lower, value: 80 })).toMatchObject({ share: 1, status: 'reached' });
    expect(progressOf({ ...lower, value: 120 })).toMatchObject({ share: 0, status: 'behind' });
    // without a baseline: reached at or under the target, else target / value
    expect(progressOf({ ...lower, baseline: null, value: 100 })).toMatchObject({ share: 0.8, status: 'on_track' });
    expect(progressOf({ ...lower, baseline: null, value: 70 })).toMatchObject({ status: 'reached' });
  });
});
