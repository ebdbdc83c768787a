import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/api-client';
import { homeKeys } from './home-keys';
import type { HomeCountsDto } from './types';

/** How often the navigation's badges ask again while the page stays open. */
export const HOME_COUNTS_REFRESH_MS = 60_000;

export async function getHomeCounts(signal?: AbortSignal): Promise<HomeCountsDto> {
  return unwrap(api.GET('/api/home/counts', { signal }));
}

export function homeCountsQueryOptions() {
  return queryOptions({
    queryKey: homeKeys.counts(),
    queryFn: ({ signal }) => getHomeCounts(signal),
    refetchInterval: HOME_COUNTS_REFRESH_MS,
    refetchOnWindowFocus: true,
  });
}

/** The navigation's badges (returned activities of an innovator, the review queue of a coordinator). */
export function useHomeCounts(enabled = true) {
  return useQuery({ ...homeCountsQueryOptions(), enabled });
}
