import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/api-client';
import { buildingKeys } from './building-keys';
import type { BuildingListQuery, BuildingPage, ExpiringBuildings } from './types';

export function listBuildings(query: BuildingListQuery, signal?: AbortSignal): Promise<BuildingPage> {
  return unwrap(api.GET('/api/buildings', { params: { query }, signal }));
}

export function useBuildings(query: BuildingListQuery) {
  return useQuery(
    queryOptions({
      queryKey: buildingKeys.list(query),
      queryFn: ({ signal }) => listBuildings(query, signal),
      placeholderData: keepPreviousData,
    }),
  );
}

/** GET /buildings/expiring: assignments of the caller's territory ending within `months`, and the overdue ones. */
export function useExpiringBuildings(months: number) {
  return useQuery({
    queryKey: buildingKeys.expiring(months),
    queryFn: ({ signal }): Promise<ExpiringBuildings> =>
      unwrap(api.GET('/api/buildings/expiring', { params: { query: { months } }, signal })),
  });
}

/** GET /buildings/stale: buildings of the caller's territory not verified on site for a year. */
export function useStaleBuildings(page: number) {
  return useQuery({
    queryKey: buildingKeys.stale(page),
    queryFn: ({ signal }): Promise<BuildingPage> =>
      unwrap(api.GET('/api/buildings/stale', { params: { query: { page, pageSize: 50 } }, signal })),
    placeholderData: keepPreviousData,
  });
}
