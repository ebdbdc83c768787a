import {
  formatTerritoryParam,
  parsePeriod,
  parseTerritoryParam,
  periodChildren,
  periodContaining,
  periodsBetween,
  PERIOD_PATTERN,
} from '@trama/contracts';

/** The period and territory syntaxes of libs/contracts/src/indicators.ts (shared by the API and the web). */
describe('periods', () => {
  it.each([
    ['2026', { code: '2026', grain: 'year', year: 2026, start: '2026-01-01', end: '2026-12-31' }],
    ['2026-Q1', { code: '2026-Q1', grain: 'quarter', quarter: 1, start: '2026-01-01', end: '2026-03-31' }],
    ['2026-Q3', { code: '2026-Q3', grain: 'quarter', quarter: 3, start: '2026-07-01', end: '2026-09-30' }],
    ['2026-Q4', { code: '2026-Q4', grain: 'quarter', quarter: 4, start: '2026-10-01', end: '2026-12-31' }],
    ['2026-09', { code: '2026-09', grain: 'month', month: 9, start: '2026-09-01', end: '2026-09-30' }],
    ['2024-02', { code: '2024-02', grain: 'month', month: 2, start: '2024-02-01', end: '2024-02-29' }],
    ['2025-02', { code: '2025-02', grain: 'month', month: 2, start: '2025-02-01', end: '2025-02-28' }],
    [' 2026 ', { code: '2026', grain: 'year' }],
  ])('parses %s', (text, expected) => {
    expect(parsePeriod(text)).toMatchObject(expected);
  });

  it.each([
    '',
    '26',
    '20260',
    '2026-Q0',
    '2026-Q5',
    '2026-q3',
    '2026-00',
    '2026-13',
    '2026-9',
    '2026/09',
    '2026-09-01',
    '1999',
    '2101',
    'abcd',
  ])('refuses %j', (text) => {
    expect(parsePeriod(text)).toBeNull();
  });

  it('the pattern agrees with the database CHECK', () => {
    expect(PERIOD_PATTERN.test('2026-Q3')).toBe(true);
    expect(PERIOD_PATTERN.test('2026-13')).toBe(false);
  });

  it('finds the period of a day and the periods of a range', () => {
    expect(periodContaining('2026-08-15', 'year')).toBe('2026');
    expect(periodContaining('2026-08-15', 'quarter')).toBe('2026-Q3');
    expect(periodContaining('2026-08-15', 'month')).toBe('2026-08');
    expect(periodsBetween('2025-11-03', '2026-02-01', 'month')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(periodsBetween('2025-05-01', '2026-01-01', 'quarter')).toEqual(['2025-Q2', '2025-Q3', '2025-Q4', '2026-Q1']);
    expect(periodsBetween('2022-05-01', '2024-01-01', 'year')).toEqual(['2022', '2023', '2024']);
    expect(periodsBetween('2026-05-01', '2025-01-01', 'year')).toEqual([]);
    expect(periodChildren('2026', 'quarter')).toEqual(['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']);
    expect(periodChildren('2026-Q2', 'month')).toEqual(['2026-04', '2026-05', '2026-06']);
    expect(periodChildren('2026', 'month')).toHaveLength(12);
    expect(periodChildren('2026-05', 'year')).toEqual([]);
  });
});

describe('territory parameter', () => {
  it.each([
    ['tenant', { kind: 'tenant' }],
    ['socialArea:ATS_BA_MOLFETTA', { kind: 'social_area', code: 'ATS_BA_MOLFETTA' }],
    ['municipality:072006', { kind: 'municipality', istatCode: '072006' }],
  ])('parses and formats %s', (text, ref) => {
    expect(parseTerritoryParam(text)).toEqual(ref);
    expect(formatTerritoryParam(ref as never)).toBe(text);
  });

  it.each(['', 'Tenant', 'municipality:72006', 'municipality:0720061', 'socialArea:', 'socialArea:a b', 'area:X', '072006'])(
    'refuses %j',
    (text) => {
      expect(parseTerritoryParam(text)).toBeNull();
    },
  );
});
