import type { BuildingListQuery } from './types';

/** Query keys of the buildings feature: every query and invalidation goes through here. */
export const buildingKeys = {
  all: ['buildings'] as const,
  /** the list, the expiry and the stale lists */
  lists: () => [...buildingKeys.all, 'list'] as const,
  list: (query: BuildingListQuery) => [...buildingKeys.lists(), query] as const,
  expiring: (months: number, page: number) => [...buildingKeys.lists(), 'expiring', months, page] as const,
  stale: (page: number) => [...buildingKeys.lists(), 'stale', page] as const,
  details: () => [...buildingKeys.all, 'detail'] as const,
  detail: (id: string) => [...buildingKeys.details(), id] as const,
  history: (id: string) => [...buildingKeys.detail(id), 'history'] as const,
  photos: (id: string) => [...buildingKeys.detail(id), 'photos'] as const,
};
