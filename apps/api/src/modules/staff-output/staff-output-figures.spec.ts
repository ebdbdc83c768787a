import type { TenantRefDto } from '../../common/http/refs.dto';
import { addYears, isDateOnly, staleSince } from './staff-output-dates';
import { buildStaffOutput, minutesToHours, roundHours } from './staff-output-figures';
import type { PeriodGroupRow, StaffRow } from './staff-output.repository';

const tenant: TenantRefDto = { id: 't1', istatCode: '272', name: 'Città Metropolitana di Bari' };
const staffRow = (id: string, extra: Partial<StaffRow> = {}): StaffRow => ({
  id,
  fullName: id,
  active: true,
  hiredOn: null,
  contractEnd: null,
  lastActivityDate: null,
  lastSyncAt: null,
  ...extra,
});
const group = (
  authorId: string,
  status: PeriodGroupRow['status'],
  type: PeriodGroupRow['type'],
  count: number,
  minutes: number,
  participants: number,
): PeriodGroupRow => ({
  authorId,
  status,
  type,
  count,
  // bigint sums arrive as strings from pg
  minutes: String(minutes),
  participants: String(participants),
});

describe('staff-output dates', () => {
  it('accepts only existing calendar dates as YYYY-MM-DD', () => {
    expect(isDateOnly('2028-02-29')).toBe(true);
    expect(isDateOnly('2026-02-29')).toBe(false);
    expect(isDateOnly('2026-3-01')).toBe(false);
    expect(isDateOnly(20260301)).toBe(false);
  });

  it('starts the staleness window staleDays − 1 days before `to`, across months and leap days', () => {
    expect(staleSince('2026-03-31', 30)).toBe('2026-03-02');
    expect(staleSince('2026-03-31', 1)).toBe('2026-03-31');
    expect(staleSince('2028-03-01', 2)).toBe('2028-02-29');
  });

  it('adds calendar years', () => {
    expect(addYears('2023-01-01', 3)).toBe('2026-01-01');
    expect(addYears('2024-02-29', 3)).toBe('2027-03-01');
  });
});

describe('buildStaffOutput', () => {
  it('rounds hours to one decimal from the exact minutes', () => {
    expect(minutesToHours(250)).toBe(4.2);
    expect(minutesToHours(3)).toBe(0.1);
    expect(minutesToHours(2)).toBe(0);
    expect(roundHours('81.6000000001')).toBe(81.6);
    expect(roundHours(null)).toBeNull();
  });

  it('folds (author, status, type) groups: every status and type key present, hours and participants from submitted + approved only', () => {
    const out = buildStaffOutput({
      tenant,
      from: '2026-03-01',
      to: '2026-03-31',
      staleDays: 30,
      staff: [staffRow('a'), staffRow('b')],
      assignments: [],
      groups: [
        group('a', 'approved', 'meeting', 2, 120, 10),
        group('a', 'submitted', 'meeting', 1, 30, 4),
        group('a', 'draft', 'event', 3, 600, 300),
        group('a', 'returned', 'workshop', 1, 60, 50),
      ],
      reviewTimes: [],
    });
    const a = out.innovators[0];
    expect(a.activities).toBe(7);
    expect(a.byStatus).toEqual({ draft: 3, submitted: 1, approved: 2, returned: 1 });
    expect(a.byType.meeting).toBe(3);
    expect(a.byType.event).toBe(3);
    expect(a.byType.codesign).toBe(0);
    expect(a.hours).toBe(2.5);
    expect(a.participants).toBe(14);
    expect(out.innovators[1]).toMatchObject({
      activities: 0,
      hours: 0,
      participants: 0,
      reviewTime: { reviewed: 0, medianHours: null, p90Hours: null },
    });
    expect(out.totals).toMatchObject({ activities: 7, hours: 2.5, participants: 14, innovators: 2, activeInnovators: 2 });
  });

  it('rounds the totals from the summed minutes, not from rounded per-person hours', () => {
    const out = buildStaffOutput({
      tenant,
      from: '2026-03-01',
      to: '2026-03-31',
      staleDays: 30,
      staff: [staffRow('a'), staffRow('b'), staffRow('c')],
      assignments: [],
      groups: ['a', 'b', 'c'].map((id) => group(id, 'approved', 'meeting', 1, 4, 0)),
      reviewTimes: [],
    });
    expect(out.innovators.map((i) => i.hours)).toEqual([0.1, 0.1, 0.1]);
    expect(out.totals.hours).toBe(0.2); // 12 minutes
  });

  it('marks an assignment unvisited when its last visit is before the window or missing, and visited on the first day of the window', () => {
    const out = buildStaffOutput({
      tenant,
      from: '2026-03-01',
      to: '2026-03-31',
      staleDays: 10, // window 2026-03-22..31
      staff: [staffRow('a', { active: false })],
      assignments: [
        { userId: 'a', istatCode: '072006', name: 'Bari', lastVisit: '2026-03-21' },
        { userId: 'a', istatCode: '072022', name: 'Giovinazzo', lastVisit: '2026-03-22' },
        { userId: 'a', istatCode: '072029', name: 'Molfetta', lastVisit: null },
      ],
      groups: [],
      reviewTimes: [
        { authorId: 'a', reviewed: 2, medianHours: 10.04, p90Hours: 17.96 },
        { authorId: null, reviewed: 5, medianHours: 12.25, p90Hours: 40 },
      ],
    });
    expect(out.period.staleSince).toBe('2026-03-22');
    expect(out.innovators[0].unvisitedMunicipalities).toEqual([
      { istatCode: '072006', name: 'Bari', lastVisit: '2026-03-21' },
      { istatCode: '072029', name: 'Molfetta', lastVisit: null },
    ]);
    expect(out.innovators[0].reviewTime).toEqual({ reviewed: 2, medianHours: 10, p90Hours: 18 });
    expect(out.totals).toMatchObject({
      unvisitedMunicipalities: 2,
      activeInnovators: 0,
      reviewTime: { reviewed: 5, medianHours: 12.3, p90Hours: 40 },
    });
  });
});
