import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/api-client';
import { homeKeys } from './home-keys';
import type { InnovatorHomeDto, InnovatorHomeQuery } from './types';

export async function getInnovatorHome(query: InnovatorHomeQuery, signal?: AbortSignal): Promise<InnovatorHomeDto> {
  return unwrap(api.GET('/api/home/innovator', { params: { query }, signal }));
}

export function innovatorHomeQueryOptions(query: InnovatorHomeQuery) {
  return queryOptions({
    queryKey: homeKeys.innovator(query),
    queryFn: ({ signal }) => getInnovatorHome(query, signal),
    placeholderData: keepPreviousData,
    refetchOnWindowFocus: true,
  });
}

export function useInnovatorHome(query: InnovatorHomeQuery) {
  return useQuery(innovatorHomeQueryOptions(query));
}
