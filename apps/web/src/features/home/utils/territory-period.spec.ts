import { describe, expect, it } from '@jest/globals';
import { territoryPeriodFrom, territoryQuery, todayInItaly } from './territory-period';
import { staleDaysFrom } from './stale-days';

describe('home periods', () => {
  it('asks the server for its default (the last 90 days) without dates, and computes the others ending today', () => {
    expect(territoryQuery('90d', '2026-03-15')).toEqual({});
    expect(territoryQuery('30d', '2026-03-15')).toEqual({ from: '2026-02-14', to: '2026-03-15' });
    expect(territoryQuery('365d', '2026-03-15')).toEqual({ from: '2025-03-16', to: '2026-03-15' });
    expect(territoryQuery('year', '2026-03-15')).toEqual({ from: '2026-01-01', to: '2026-03-15' });
  });

  it('reads the period and the days from the URL, falling back to the defaults', () => {
    expect(territoryPeriodFrom(new URLSearchParams('periodo=year'))).toBe('year');
    expect(territoryPeriodFrom(new URLSearchParams('periodo=forever'))).toBe('90d');
    expect(staleDaysFrom(new URLSearchParams('giorni=60'))).toBe(60);
    expect(staleDaysFrom(new URLSearchParams('giorni=31'))).toBe(30);
    expect(staleDaysFrom(new URLSearchParams(''))).toBe(30);
  });

  it('takes today in Italy', () => {
    expect(todayInItaly(new Date('2026-03-31T23:30:00Z'))).toBe('2026-04-01');
  });
});
