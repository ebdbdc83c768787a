import type { QueryOf, ResponseOf } from '@trama/api-client';

export type StaffOutputQuery = QueryOf<'getStaffOutput'>;

/** The report: every innovator's figures and the totals, each with every count by status and by type. */
export type StaffOutputDto = ResponseOf<'getStaffOutput'>;
export type StaffOutputInnovator = StaffOutputDto['innovators'][number];
export type StaffOutputTotals = StaffOutputDto['totals'];
