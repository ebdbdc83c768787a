import { ACTIVITY_STATUSES, ACTIVITY_TYPES, THEMES, type ActivityStatus, type ActivityType, type Theme } from '@trama/contracts';
import type { ActivityListQuery, ActivitySort } from '../api/types';

/** What the activity list shows: every field lives in the URL's search params (shareable; Back undoes a filter). */
export interface ActivityListFilter {
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
  /** only those held in this building (building id): links from a building's monitoring */
  building?: string;
  /** only those linked to this initiative (initiative id): links from an initiative */
  initiative?: string;
  sort: ListSort;
  page: number;
}

/** The list's orders, by activity date; `submitted` is the review queue's (it needs status=submitted). */
export const LIST_SORTS = ['-date', 'date'] as const satisfies readonly ActivitySort[];
export type ListSort = (typeof LIST_SORTS)[number];
export const DEFAULT_SORT: ListSort = '-date';
export const LIST_PAGE_SIZE = 25;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISTAT = /^\d{6}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function oneOf<T extends string>(values: readonly T[], value: string | null): T | undefined {
  return value !== null && (values as readonly string[]).includes(value) ? (value as T) : undefined;
}

/** Reads the filter from the URL; anything unknown or malformed is ignored (a hand-edited link still works). */
export function filterFromParams(params: URLSearchParams): ActivityListFilter {
  const page = Number.parseInt(params.get('page') ?? '1', 10);
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const municipality = params.get('municipality') ?? '';
  const innovator = params.get('innovator') ?? '';
  const building = params.get('building') ?? '';
  const initiative = params.get('initiative') ?? '';
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
    building: UUID.test(building) ? building.toLowerCase() : undefined,
    initiative: UUID.test(initiative) ? initiative.toLowerCase() : undefined,
    sort: oneOf(LIST_SORTS, params.get('sort')) ?? DEFAULT_SORT,
    page: Number.isFinite(page) && page > 0 ? page : 1,
  };
}

/** Writes the filter to search params, in a stable order and without defaults (short, readable links). */
export function filterToParams(filter: ActivityListFilter): URLSearchParams {
  const params = new URLSearchParams();
  if (filter.q) params.set('q', filter.q);
  if (filter.status) params.set('status', filter.status);
  if (filter.type) params.set('type', filter.type);
  if (filter.municipality) params.set('municipality', filter.municipality);
  if (filter.theme) params.set('theme', filter.theme);
  if (filter.from) params.set('from', filter.from);
  if (filter.to) params.set('to', filter.to);
  if (filter.mine) params.set('mine', '1');
  if (filter.innovator) params.set('innovator', filter.innovator);
  if (filter.building) params.set('building', filter.building);
  if (filter.initiative) params.set('initiative', filter.initiative);
  if (filter.sort !== DEFAULT_SORT) params.set('sort', filter.sort);
  if (filter.page > 1) params.set('page', String(filter.page));
  return params;
}

/** The API's query for a filter: `mine` becomes the author's id. */
export function toListQuery(filter: ActivityListFilter, userId: string, pageSize = LIST_PAGE_SIZE): ActivityListQuery {
  return {
    status: filter.status,
    type: filter.type,
    municipality: filter.municipality,
    theme: filter.theme,
    from: filter.from,
    to: filter.to,
    q: filter.q,
    innovator: filter.mine ? userId : filter.innovator,
    building: filter.building,
    initiative: filter.initiative,
    sort: filter.sort,
    page: filter.page,
    pageSize,
  };
}

/** The filters of an export: the list's, without paging. */
export function toExportFilters(filter: ActivityListFilter, userId: string): Omit<ActivityListQuery, 'page' | 'pageSize'> {
  const { page: _page, pageSize: _pageSize, ...rest } = toListQuery(filter, userId);
  return rest;
}

/** Whether any filter narrows the list (sorting and paging do not). */
export function hasFilters(filter: ActivityListFilter): boolean {
  return Boolean(
    filter.status ||
    filter.type ||
    filter.municipality ||
    filter.theme ||
    filter.from ||
    filter.to ||
    filter.q ||
    filter.mine ||
    filter.innovator ||
    filter.building ||
    filter.initiative,
  );
}

/** How many filters narrow the list (shown on the folded filters' summary). */
export function activeFilterCount(filter: ActivityListFilter): number {
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
    filter.building,
    filter.initiative,
  ];
  return narrowing.filter(Boolean).length;
}
