import type { StaffOutputInnovator } from '../api/types';

export const SORT_COLUMNS = [
  'name',
  'activities',
  'draft',
  'submitted',
  'approved',
  'returned',
  'hours',
  'participants',
  'reviewed',
  'medianReview',
  'p90Review',
  'unvisited',
  'lastActivity',
  'lastSync',
] as const;
export type SortColumn = (typeof SORT_COLUMNS)[number];
export type SortDirection = 'ascending' | 'descending';
export interface SortState {
  column: SortColumn;
  direction: SortDirection;
}

type Value = string | number | null;

function valueOf(row: StaffOutputInnovator, column: SortColumn): Value {
  switch (column) {
    case 'name':
      return row.fullName;
    case 'activities':
      return row.activities;
    case 'draft':
    case 'submitted':
    case 'approved':
    case 'returned':
      return row.byStatus[column];
    case 'hours':
      return row.hours;
    case 'participants':
      return row.participants;
    case 'reviewed':
      return row.reviewTime.reviewed;
    case 'medianReview':
      return row.reviewTime.medianHours;
    case 'p90Review':
      return row.reviewTime.p90Hours;
    case 'unvisited':
      return row.unvisitedMunicipalities.length;
    case 'lastActivity':
      return row.lastActivityDate;
    case 'lastSync':
      return row.lastSyncAt;
  }
}

/** Sorts a copy of the rows; empty values (no review, no activity) always go last; ties keep the name order. */
export function sortInnovators(
  rows: readonly StaffOutputInnovator[],
  sort: SortState,
  compareText: (a: string, b: string) => number,
): StaffOutputInnovator[] {
  const sign = sort.direction === 'ascending' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const va = valueOf(a, sort.column);
    const vb = valueOf(b, sort.column);
    if (va === null || vb === null) {
      if (va !== vb) return va === null ? 1 : -1;
    } else if (va !== vb) {
      const order = typeof va === 'number' && typeof vb === 'number' ? va - vb : compareText(String(va), String(vb));
      if (order !== 0) return sign * order;
    }
    return compareText(a.fullName, b.fullName);
  });
}

/** Text columns start ascending; figures start descending (the most first). */
export function nextSort(current: SortState, column: SortColumn): SortState {
  if (current.column === column) return { column, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
  return { column, direction: column === 'name' ? 'ascending' : 'descending' };
}
