import { describe, expect, it } from '@jest/globals';
import { byMunicipality, point } from '../test-fixtures';
import { valueFormat } from './format-value';
import { formatPeriod, periodsOfYears, rangeOfYears } from './periods';
import { rankPoints } from './ranking';
import { initialTerritory, ownTerritory } from './territory-param';
import { trendOption } from './trend-option';
import { readViewParams, writeViewParams } from './view-params';

const compare = (a: string, b: string) => a.localeCompare(b, 'it');

describe('rankPoints', () => {
  it('ranks the highest first when higher is better, with missing values last and unranked', () => {
    const ranked = rankPoints(byMunicipality, 'higher', compare);
    expect(ranked.map((r) => [r.point.territoryName, r.rank])).toEqual([
      ['Bari', 1],
      ['Molfetta', 2],
      ['Giovinazzo', 3],
      ['Bitonto', 4],
      ['Terlizzi', null],
    ]);
  });

  it('ranks the lowest first when lower is better, and equal values share a rank', () => {
    const ranked = rankPoints([point('a', 'A', 5), point('b', 'B', 2), point('c', 'C', 2), point('d', 'D', null)], 'lower', compare);
    expect(ranked.map((r) => [r.point.territoryName, r.rank])).toEqual([
      ['B', 1],
      ['C', 1],
      ['A', 3],
      ['D', null],
    ]);
  });
});

describe('valueFormat', () => {
  const base = { locale: 'it-IT', missing: 'dato mancante', unitSuffix: '' };
  it('says "missing" for null and writes zero as zero', () => {
    const f = valueFormat({ unit: 'count', decimals: 0 }, { ...base, perCapita: false });
    expect(f.value(null)).toBe('dato mancante');
    expect(f.value(0)).toBe('0');
    expect(f.value(12345)).toBe('12.345');
  });
  it('gives per-capita values two decimals and the per-thousand suffix', () => {
    const f = valueFormat({ unit: 'count', decimals: 0 }, { ...base, perCapita: true, unitSuffix: 'per 1.000 ab.' });
    expect(f.value(0.456)).toBe('0,46 per 1.000 ab.');
  });
  it('writes euro amounts as currency', () => {
    const f = valueFormat({ unit: 'euro', decimals: 2 }, { ...base, perCapita: false });
    expect(f.value(412248.83)).toMatch(/^412\.248,83\s€$/);
  });
});

describe('periods', () => {
  it('lists the periods of a range of years at each grain, and its bounds', () => {
    expect(periodsOfYears(2024, 2025, 'year')).toEqual(['2024', '2025']);
    expect(periodsOfYears(2025, 2025, 'quarter')).toEqual(['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4']);
    expect(periodsOfYears(2025, 2026, 'month')).toHaveLength(24);
    expect(rangeOfYears(2022, 2026, 'month')).toEqual({ from: '2022-01', to: '2026-12' });
  });
  it('words quarters and months in the locale', () => {
    const quarter = (q: number, y: number) => `Q${q} ${y}`;
    expect(formatPeriod('2026-Q3', 'en-GB', quarter)).toBe('Q3 2026');
    expect(formatPeriod('2026-09', 'it-IT', quarter)).toBe('set 2026');
    expect(formatPeriod('2026', 'it-IT', quarter)).toBe('2026');
  });
});

describe('territories', () => {
  const molfetta = { role: 'municipality' as const, territory: { kind: 'municipality' as const, code: '072029', name: 'Molfetta' } };
  it('opens a municipality user on their own territory, and everyone else on the metropolitan city', () => {
    expect(ownTerritory(molfetta)).toEqual({ kind: 'municipality', istatCode: '072029' });
    expect(initialTerritory(null, molfetta)).toBe('municipality:072029');
    expect(initialTerritory(null, { role: 'coordinator', territory: null })).toBe('tenant');
    expect(initialTerritory('socialArea:ATS_BA_01', { role: 'coordinator', territory: null })).toBe('socialArea:ATS_BA_01');
    expect(initialTerritory('nonsense:1', { role: 'coordinator', territory: null })).toBe('tenant');
  });
});

describe('view params', () => {
  it('reads defaults, keeps the period inside the range, and writes back what it read', () => {
    const view = readViewParams(new URLSearchParams('grana=quarter&periodo=2019-Q2'), { territory: 'tenant', currentYear: 2026 });
    expect(view).toMatchObject({ grain: 'quarter', fromYear: 2022, toYear: 2026, period: '2026-Q4', perCapita: null, drafts: false });
    const again = readViewParams(new URLSearchParams(writeViewParams({ ...view, period: '2024-Q2', perCapita: true })), {
      territory: 'tenant',
      currentYear: 2026,
    });
    expect(again).toMatchObject({ period: '2024-Q2', perCapita: true });
  });
});

describe('trendOption', () => {
  const texts = {
    title: 'N. iniziative realizzate',
    value: 'Valore',
    target: 'Obiettivo',
    description: 'descrizione',
    formatPeriod: (p: string) => p,
    formatValue: (v: number | null) => String(v),
    formatNumber: (n: number) => String(n),
  };
  it('draws missing periods as gaps (null), never as zero, with aria and decal patterns on', () => {
    const option = trendOption(
      [point('tenant', 'Bari', 3, { period: '2024', target: 5 }), point('tenant', 'Bari', null, { period: '2025', target: 6 })],
      texts,
    );
    expect(option.aria).toEqual({ enabled: true, label: { description: 'descrizione' }, decal: { show: true } });
    expect(option.series[0].data).toEqual([3, null]);
    expect(option.series[1]).toMatchObject({ name: 'Obiettivo', type: 'line', data: [5, 6] });
  });
  it('has no target series when no period has a target', () => {
    const option = trendOption([point('tenant', 'Bari', 3)], texts);
    expect(option.series).toHaveLength(1);
    expect(option.legend.data).toEqual(['Valore']);
  });
});
