import { addDays, daysBetween, italianDate } from './home-dates';

describe('home dates', () => {
  it('takes today in Italian time: 23:30 UTC on 31 March is already 1 April in Rome', () => {
    expect(italianDate(new Date('2026-03-31T23:30:00Z'))).toBe('2026-04-01');
    expect(italianDate(new Date('2026-12-31T22:59:00Z'))).toBe('2026-12-31');
  });

  it('adds and counts days across months, years and the DST change', () => {
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-29', -89)).toBe('2025-12-30');
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(daysBetween('2026-03-30', '2026-03-28')).toBe(-2);
  });
});
