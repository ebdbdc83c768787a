import { formatPeriod, parsePeriod, type Period } from '../rollup/periods';
import { employed, flow, stock } from './computed-indicators.service';

const P = (text: string): Period => parsePeriod(text)!;
const GEO = {
  municipalities: [
    { id: 'a1', socialAreaId: 'A' },
    { id: 'a2', socialAreaId: 'A' },
  ],
  socialAreaIds: ['A'],
  tenant: true,
};
const months = ['2026-01', '2026-02', '2026-03'].map(P);
const at = (values: { territory: { level: string; id?: string }; period: Period; value: number }[], key: string, month: string) =>
  values.find(
    (v) =>
      `${v.territory.level}:${v.territory.id ?? ''}` === key && `${v.period.year}-${String(v.period.index).padStart(2, '0')}` === month,
  )?.value;

describe('computed figures', () => {
  it('fills elapsed months without records with a true zero (a flow)', () => {
    const out = flow([{ level: 'municipality', id: 'a1', month: '2026-02', value: 3 }], months, GEO);
    expect(at(out, 'municipality:a1', '2026-02')).toBe(3);
    expect(at(out, 'municipality:a1', '2026-01')).toBe(0);
    expect(at(out, 'tenant:', '2026-03')).toBe(0);
    expect(out).toHaveLength(3 * 4); // two municipalities, one area, the tenant
  });

  it('adds increments before the range and month by month (a stock)', () => {
    const rows = [
      { level: 'municipality' as const, id: 'a1', month: '2024-05', value: 4 },
      { level: 'municipality' as const, id: 'a1', month: '2026-02', value: 2 },
      { level: 'municipality' as const, id: 'a1', month: '2026-03', value: -1 },
      { level: 'tenant' as const, id: null, month: '2025-12', value: 4 },
    ];
    const out = stock(rows, months, GEO);
    expect([at(out, 'municipality:a1', '2026-01'), at(out, 'municipality:a1', '2026-02'), at(out, 'municipality:a1', '2026-03')]).toEqual([
      4, 6, 5,
    ]);
    expect(at(out, 'municipality:a2', '2026-03')).toBe(0);
    expect(at(out, 'tenant:', '2026-01')).toBe(4);
  });

  it('counts innovators employed in the period once per social area and tenant', () => {
    const innovators = [
      { userId: 'u1', hiredOn: '2025-01-01', contractEnd: null, municipalityId: 'a1', socialAreaId: 'A' },
      { userId: 'u1', hiredOn: '2025-01-01', contractEnd: null, municipalityId: 'a2', socialAreaId: 'A' },
      { userId: 'u2', hiredOn: '2026-02-15', contractEnd: '2026-02-20', municipalityId: 'a2', socialAreaId: 'A' },
      { userId: 'u3', hiredOn: '2026-01-01', contractEnd: null, municipalityId: null, socialAreaId: null },
    ];
    const out = employed(innovators, [P('2026-01'), P('2026-Q1'), P('2027')], '2026-06-30', GEO);
    const of = (key: string, period: string) =>
      out.find((v) => `${v.territory.level}:${'id' in v.territory ? v.territory.id : ''}` === key && formatPeriod(v.period) === period)
        ?.value;
    expect(of('municipality:a2', '2026-01')).toBe(1);
    expect(of('municipality:a2', '2026-Q1')).toBe(2);
    expect(of('socialArea:A', '2026-Q1')).toBe(2);
    expect(of('tenant:', '2026-Q1')).toBe(3);
    expect(of('tenant:', '2026-01')).toBe(2);
    // a period not begun: nothing (missing), not zero
    expect(out.some((v) => v.period.year === 2027)).toBe(false);
  });
});
