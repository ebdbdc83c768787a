import {
  ACTIVITY_STATUSES,
  ACTIVITY_TYPES,
  STAFF_OUTPUT_REPORTED_STATUSES,
  type ActivityStatus,
  type ActivityType,
} from '@trama/contracts';
import type { TenantRefDto } from '../../common/http/refs.dto';
import type { StaffOutputResponse } from './dto/staff-output.response';
import { staleSince } from './staff-output-dates';
import type { AssignmentRow, PeriodGroupRow, ReviewTimeRow, StaffRow } from './staff-output.repository';

/** Pure assembly of the dashboard from the repository's rows: no I/O, unit-tested. */

type StaffOutputInnovator = StaffOutputResponse['innovators'][number];
/** The figures of an innovator, and of the tenant (its totals add the head counts). */
type StaffOutputFigures = Pick<StaffOutputInnovator, 'activities' | 'byStatus' | 'byType' | 'hours' | 'participants' | 'reviewTime'>;
type ReviewTimeStats = StaffOutputFigures['reviewTime'];

export interface StaffOutputInput {
  tenant: TenantRefDto;
  from: string;
  to: string;
  staleDays: number;
  staff: StaffRow[];
  assignments: AssignmentRow[];
  groups: PeriodGroupRow[];
  reviewTimes: ReviewTimeRow[];
}

/** Hours with one decimal, from whole minutes (rounded half up on the exact minute count). */
export function minutesToHours(minutes: number): number {
  return Math.round(minutes / 6) / 10;
}

/** One decimal, null stays null. */
export function roundHours(hours: number | string | null | undefined): number | null {
  if (hours === null || hours === undefined) return null;
  return Math.round(Number(hours) * 10) / 10;
}

function zeroBy<K extends string>(keys: readonly K[]): Record<K, number> {
  return Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
}

interface Accumulator {
  activities: number;
  byStatus: Record<ActivityStatus, number>;
  byType: Record<ActivityType, number>;
  minutes: number;
  participants: number;
}

function emptyAccumulator(): Accumulator {
  return { activities: 0, byStatus: zeroBy(ACTIVITY_STATUSES), byType: zeroBy(ACTIVITY_TYPES), minutes: 0, participants: 0 };
}

function add(into: Accumulator, row: PeriodGroupRow): void {
  const count = Number(row.count);
  into.activities += count;
  into.byStatus[row.status] += count;
  // an incomplete draft has no type yet: counted in `activities` and its status only
  if (row.type !== null) into.byType[row.type] += count;
  if ((STAFF_OUTPUT_REPORTED_STATUSES as readonly ActivityStatus[]).includes(row.status)) {
    into.minutes += Number(row.minutes);
    into.participants += Number(row.participants);
  }
}

function toReviewStats(row: ReviewTimeRow | undefined): ReviewTimeStats {
  if (!row || Number(row.reviewed) === 0) return { reviewed: 0, medianHours: null, p90Hours: null };
  return { reviewed: Number(row.reviewed), medianHours: roundHours(row.medianHours), p90Hours: roundHours(row.p90Hours) };
}

function figures(acc: Accumulator, review: ReviewTimeRow | undefined): StaffOutputFigures {
  return {
    activities: acc.activities,
    byStatus: acc.byStatus,
    byType: acc.byType,
    hours: minutesToHours(acc.minutes),
    participants: acc.participants,
    reviewTime: toReviewStats(review),
  };
}

export function buildStaffOutput(input: StaffOutputInput): StaffOutputResponse {
  const since = staleSince(input.to, input.staleDays);
  const perAuthor = new Map<string, Accumulator>();
  const total = emptyAccumulator();
  for (const row of input.groups) {
    let acc = perAuthor.get(row.authorId);
    if (!acc) perAuthor.set(row.authorId, (acc = emptyAccumulator()));
    add(acc, row);
    add(total, row);
  }
  const reviewByAuthor = new Map(input.reviewTimes.filter((r) => r.authorId !== null).map((r) => [r.authorId as string, r]));
  const tenantReview = input.reviewTimes.find((r) => r.authorId === null);
  const assignmentsByUser = new Map<string, AssignmentRow[]>();
  for (const row of input.assignments) {
    const list = assignmentsByUser.get(row.userId) ?? [];
    list.push(row);
    assignmentsByUser.set(row.userId, list);
  }

  let unvisitedTotal = 0;
  const innovators: StaffOutputInnovator[] = input.staff.map((person) => {
    const assigned = assignmentsByUser.get(person.id) ?? [];
    // Dates are YYYY-MM-DD strings: their lexical order is the calendar order.
    const unvisited = assigned
      .filter((a) => a.lastVisit === null || a.lastVisit < since)
      .map((a) => ({ istatCode: a.istatCode, name: a.name, lastVisit: a.lastVisit }));
    unvisitedTotal += unvisited.length;
    return {
      id: person.id,
      fullName: person.fullName,
      active: Boolean(person.active),
      hiredOn: person.hiredOn,
      contractEnd: person.contractEnd,
      assignedMunicipalities: assigned.map((a) => ({ istatCode: a.istatCode, name: a.name })),
      unvisitedMunicipalities: unvisited,
      lastActivityDate: person.lastActivityDate,
      lastSyncAt: person.lastSyncAt ? new Date(person.lastSyncAt).toISOString() : null,
      ...figures(perAuthor.get(person.id) ?? emptyAccumulator(), reviewByAuthor.get(person.id)),
    };
  });

  return {
    tenant: input.tenant,
    period: { from: input.from, to: input.to, staleDays: input.staleDays, staleSince: since },
    reportedStatuses: [...STAFF_OUTPUT_REPORTED_STATUSES],
    innovators,
    totals: {
      ...figures(total, tenantReview),
      innovators: innovators.length,
      activeInnovators: innovators.filter((i) => i.active).length,
      unvisitedMunicipalities: unvisitedTotal,
    },
  };
}
