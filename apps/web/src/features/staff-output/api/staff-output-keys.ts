import type { StaffOutputQuery } from './types';

/** Query keys of the staff-output feature. */
export const staffOutputKeys = {
  all: ['staff-output'] as const,
  reports: () => [...staffOutputKeys.all, 'report'] as const,
  report: (query: StaffOutputQuery) => [...staffOutputKeys.reports(), query] as const,
};
