import {
  activityFilterCount,
  activityFilterFromParams,
  activityFilterToParams,
  hasActivityFilters,
  oneOf,
  toActivityFiltersQuery,
  type ActivityFilter,
} from '../../../lib/filters/activities';
import type { ActivityListQuery, ActivitySort } from '../api/types';

/**
 * What the activity list shows: the shared activities filter (lib/filters/activities.ts, also the
 * map's) with the list's order and page. Every field lives in the URL's search params (shareable;
 * Back undoes a filter).
 */
export interface ActivityListFilter extends ActivityFilter {
  sort: ListSort;
  page: number;
}

/** The list's orders, by activity date; `submitted` is the review queue's (it needs status=submitted). */
export const LIST_SORTS = ['-date', 'date'] as const satisfies readonly ActivitySort[];
export type ListSort = (typeof LIST_SORTS)[number];
export const DEFAULT_SORT: ListSort = '-date';
export const LIST_PAGE_SIZE = 25;

/** Reads the filter from the URL; anything unknown or malformed is ignored (a hand-edited link still works). */
export function filterFromParams(params: URLSearchParams): ActivityListFilter {
  const page = Number.parseInt(params.get('page') ?? '1', 10);
  return {
    ...activityFilterFromParams(params),
    sort: oneOf(LIST_SORTS, params.get('sort')) ?? DEFAULT_SORT,
    page: Number.isFinite(page) && page > 0 ? page : 1,
  };
}

/** Writes the filter to search params, in a stable order and without defaults (short, readable links). */
export function filterToParams(filter: ActivityListFilter): URLSearchParams {
  const params = activityFilterToParams(filter);
  if (filter.sort !== DEFAULT_SORT) params.set('sort', filter.sort);
  if (filter.page > 1) params.set('page', String(filter.page));
  return params;
}

/** The API's query for a filter: `mine` becomes the author's id. */
export function toListQuery(filter: ActivityListFilter, userId: string, pageSize = LIST_PAGE_SIZE): ActivityListQuery {
  return { ...toActivityFiltersQuery(filter, userId), sort: filter.sort, page: filter.page, pageSize };
}

/** The filters of an export: the list's, without paging. */
export function toExportFilters(filter: ActivityListFilter, userId: string): Omit<ActivityListQuery, 'page' | 'pageSize'> {
  const { page: _page, pageSize: _pageSize, ...rest } = toListQuery(filter, userId);
  return rest;
}

/** Whether any filter narrows the list (sorting and paging do not). */
export const hasFilters: (filter: ActivityListFilter) => boolean = hasActivityFilters;

/** How many filters narrow the list (shown on the folded filters' summary). */
export const activeFilterCount: (filter: ActivityListFilter) => number = activityFilterCount;
