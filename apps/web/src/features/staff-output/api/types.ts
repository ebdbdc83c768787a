import type { QueryOf, ResponseOf } from '@trama/api-client';
import { ACTIVITY_STATUSES, ACTIVITY_TYPES, type ActivityStatus, type ActivityType } from '@trama/contracts';

export type StaffOutputQuery = QueryOf<'getStaffOutput'>;

type Report = ResponseOf<'getStaffOutput'>;
type Counts = { byStatus: Record<ActivityStatus, number>; byType: Record<ActivityType, number> };
type Counted<T> = Omit<T, keyof Counts> & Counts;

export type StaffOutputInnovator = Counted<Report['innovators'][number]>;
export type StaffOutputTotals = Counted<Report['totals']>;
/** The report with every count by status and by type. */
export type StaffOutputDto = Omit<Report, 'innovators' | 'totals'> & { innovators: StaffOutputInnovator[]; totals: StaffOutputTotals };

const every = <K extends string>(keys: readonly K[], counts: Partial<Record<K, number>> | undefined): Record<K, number> =>
  Object.fromEntries(keys.map((key) => [key, counts?.[key] ?? 0])) as Record<K, number>;

function counted<T extends Partial<Counts>>(figures: T): Counted<T> {
  return { ...figures, byStatus: every(ACTIVITY_STATUSES, figures.byStatus), byType: every(ACTIVITY_TYPES, figures.byType) };
}

/**
 * The document lists `byStatus`/`byType` as optional (the server's schema marks their keys required,
 * not the properties: `countsBy` in staff-output.response.ts needs `selfRequired: true`); the server
 * always sends both with every key. Read as zeros when absent, in this one place.
 */
export function withEveryCount(report: Report): StaffOutputDto {
  return { ...report, innovators: report.innovators.map(counted), totals: counted(report.totals) };
}
