import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/api-client';
import { buildingKeys } from './building-keys';
import type { BuildingListQuery, BuildingPage, ExpiringBuildings } from './types';

export function listBuildings(query: BuildingListQuery, signal?: AbortSignal): Promise<BuildingPage> {
  return unwrap(api.GET('/api/buildings', { params: { query }, signal }));
}

/** `enabled: false` holds the request (a picker waits for two typed characters). */
export function useBuildings(query: BuildingListQuery, enabled = true) {
  return useQuery(
    queryOptions({
      queryKey: buildingKeys.list(query),
      queryFn: ({ signal }) => listBuildings(query, signal),
      placeholderData: keepPreviousData,
      enabled,
    }),
  );
}

/** GET /buildings/expiring: one page (50) of the assignments of the caller's territory ending within `months`, and the overdue ones. */
export function useExpiringBuildings(months: number, page: number) {
  return useQuery({
    queryKey: buildingKeys.expiring(months, page),
    queryFn: ({ signal }): Promise<ExpiringBuildings> =>
      unwrap(api.GET('/api/buildings/expiring', { params: { query: { months, page, pageSize: EXPIRING_PAGE_SIZE } }, signal })),
    placeholderData: keepPreviousData,
  });
}

export const EXPIRING_PAGE_SIZE = 50;

/** GET /buildings/stale: buildings of the caller's territory not verified on site for a year. */
export function useStaleBuildings(page: number) {
  return useQuery({
    queryKey: buildingKeys.stale(page),
    queryFn: ({ signal }): Promise<BuildingPage> =>
      unwrap(api.GET('/api/buildings/stale', { params: { query: { page, pageSize: 50 } }, signal })),
    placeholderData: keepPreviousData,
  });
}
