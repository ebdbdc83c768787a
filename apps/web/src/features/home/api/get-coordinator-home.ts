import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/api-client';
import { homeKeys } from './home-keys';
import type { CoordinatorHomeDto, CoordinatorHomeQuery } from './types';

export async function getCoordinatorHome(query: CoordinatorHomeQuery, signal?: AbortSignal): Promise<CoordinatorHomeDto> {
  return unwrap(api.GET('/api/home/coordinator', { params: { query }, signal }));
}

export function coordinatorHomeQueryOptions(query: CoordinatorHomeQuery) {
  return queryOptions({
    queryKey: homeKeys.coordinator(query),
    queryFn: ({ signal }) => getCoordinatorHome(query, signal),
    placeholderData: keepPreviousData,
    refetchOnWindowFocus: true,
  });
}

export function useCoordinatorHome(query: CoordinatorHomeQuery) {
  return useQuery(coordinatorHomeQueryOptions(query));
}
