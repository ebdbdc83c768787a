import type { QueryOf } from '@trama/api-client';
import { ACTIVITY_STATUSES, ACTIVITY_TYPES, THEMES, type ActivityStatus, type ActivityType, type Theme } from '@trama/contracts';

/**
 * The activities' filter, ONE object for every view of activities: the list, the export and the
 * map layer read and write it the same way (URL search params) and send the same API filters
 * (the server's `ActivityFiltersQuery`, applied by one function), so the map counts what the list lists.
 */
export interface ActivityFilter {
  status?: ActivityStatus;
  type?: ActivityType;
  /** ISTAT code */
  municipality?: string;
  theme?: Theme;
  /** YYYY-MM-DD, inclusive */
  from?: string;
  to?: string;
  q?: string;
  /** only the activities the signed-in innovator wrote */
  mine?: boolean;
  /** only those of this author (user id): links from the staff-output dashboard */
  innovator?: string;
}

/** The API's filters of activities (list, export, map layer): without paging, order or viewport. */
export type ActivityFiltersQuery = Omit<QueryOf<'listActivities'>, 'sort' | 'page' | 'pageSize' | 'bbox'>;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISTAT = /^\d{6}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function oneOf<T extends string>(values: readonly T[], value: string | null): T | undefined {
  return value !== null && (values as readonly string[]).includes(value) ? (value as T) : undefined;
}

/** Reads the filter from the URL; anything unknown or malformed is ignored (a hand-edited link still works). */
export function activityFilterFromParams(params: URLSearchParams): ActivityFilter {
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const municipality = params.get('municipality') ?? '';
  const innovator = params.get('innovator') ?? '';
  return {
    status: oneOf(ACTIVITY_STATUSES, params.get('status')),
    type: oneOf(ACTIVITY_TYPES, params.get('type')),
    municipality: ISTAT.test(municipality) ? municipality : undefined,
    theme: oneOf(THEMES, params.get('theme')),
    from: DATE.test(from) ? from : undefined,
    to: DATE.test(to) ? to : undefined,
    q: params.get('q')?.trim() || undefined,
    mine: params.get('mine') === '1' || undefined,
    innovator: UUID.test(innovator) ? innovator.toLowerCase() : undefined,
  };
}

/** Writes the filter to search params (appended to `params`), in a stable order and without empty values. */
export function activityFilterToParams(filter: ActivityFilter, params = new URLSearchParams()): URLSearchParams {
  if (filter.q) params.set('q', filter.q);
  if (filter.status) params.set('status', filter.status);
  if (filter.type) params.set('type', filter.type);
  if (filter.municipality) params.set('municipality', filter.municipality);
  if (filter.theme) params.set('theme', filter.theme);
  if (filter.from) params.set('from', filter.from);
  if (filter.to) params.set('to', filter.to);
  if (filter.mine) params.set('mine', '1');
  if (filter.innovator) params.set('innovator', filter.innovator);
  return params;
}

/** The API's filters for a filter: `mine` becomes the author's id. */
export function toActivityFiltersQuery(filter: ActivityFilter, userId: string): ActivityFiltersQuery {
  return {
    status: filter.status,
    type: filter.type,
    municipality: filter.municipality,
    theme: filter.theme,
    from: filter.from,
    to: filter.to,
    q: filter.q,
    innovator: filter.mine ? userId : filter.innovator,
  };
}

/** Whether any filter narrows the activities (the author from a link aside). */
export function hasActivityFilters(filter: ActivityFilter): boolean {
  return Boolean(
    filter.status || filter.type || filter.municipality || filter.theme || filter.from || filter.to || filter.q || filter.mine,
  );
}

/** How many filters narrow the activities (shown on the folded filters' summary). */
export function activityFilterCount(filter: ActivityFilter): number {
  const narrowing = [
    filter.status,
    filter.type,
    filter.municipality,
    filter.theme,
    filter.from,
    filter.to,
    filter.q,
    filter.mine,
    filter.innovator,
  ];
  return narrowing.filter(Boolean).length;
}
