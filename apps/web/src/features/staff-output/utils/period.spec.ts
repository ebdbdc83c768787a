import { describe, expect, it } from '@jest/globals';
import { filterFromParams, filterToParams, periodProblems, presetPeriod, todayInItaly } from './period';

describe('staff-output periods', () => {
  it('computes the presets from today, across year ends and leap years', () => {
    expect(presetPeriod('this-month', '2026-03-20')).toEqual({ from: '2026-03-01', to: '2026-03-20' });
    expect(presetPeriod('last-30-days', '2026-03-20')).toEqual({ from: '2026-02-19', to: '2026-03-20' });
    expect(presetPeriod('last-30-days', '2026-01-10')).toEqual({ from: '2025-12-12', to: '2026-01-10' });
    expect(presetPeriod('last-month', '2026-01-05')).toEqual({ from: '2025-12-01', to: '2025-12-31' });
    expect(presetPeriod('last-month', '2028-03-31')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(presetPeriod('this-quarter', '2026-12-31')).toEqual({ from: '2026-10-01', to: '2026-12-31' });
    expect(presetPeriod('this-quarter', '2026-04-01')).toEqual({ from: '2026-04-01', to: '2026-04-01' });
    expect(presetPeriod('this-year', '2026-11-24')).toEqual({ from: '2026-01-01', to: '2026-11-24' });
  });

  it('takes today in Italy, not in the device time zone', () => {
    // 23:30 UTC on 31 December is already New Year in Rome
    expect(todayInItaly(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
  });

  it('applies the API rules to a custom period', () => {
    expect(periodProblems('2026-03-01', '2026-03-01')).toEqual({});
    expect(periodProblems('', '2026-03-01')).toEqual({ from: 'fromRequired' });
    expect(periodProblems('2026-02-30', '')).toEqual({ from: 'fromRequired', to: 'toRequired' });
    expect(periodProblems('2026-03-02', '2026-03-01')).toEqual({ to: 'toBeforeFrom' });
    expect(periodProblems('2023-01-01', '2025-12-31')).toEqual({});
    expect(periodProblems('2023-01-01', '2026-01-01')).toEqual({ to: 'tooLong' });
  });

  it('keeps the filter in short URLs and ignores what it does not understand', () => {
    const custom = { preset: 'custom' as const, from: '2026-01-10', to: '2026-02-10', staleDays: 14, tenant: '272' };
    expect(filterToParams(custom).toString()).toBe('tenant=272&period=custom&from=2026-01-10&to=2026-02-10&staleDays=14');
    expect(filterFromParams(filterToParams(custom))).toEqual(custom);
    expect(filterToParams({ preset: 'last-30-days', staleDays: 30 }).toString()).toBe('');
    expect(filterToParams({ preset: 'this-month', staleDays: 30 }).toString()).toBe('period=this-month');
    expect(filterFromParams(new URLSearchParams('period=decade&staleDays=0&tenant=bari&from=2026-01-01'))).toEqual({
      preset: 'last-30-days',
      staleDays: 30,
      tenant: undefined,
    });
  });
});
