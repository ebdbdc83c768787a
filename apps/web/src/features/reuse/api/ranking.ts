import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { api, unwrap } from '../../../lib/api/api-client';
import { reuseKeys } from './reuse-keys';
import type { ReuseRankingPage, ReuseRankingQuery, ReuseStatus } from './types';

/** GET /reuse/buildings: one page of the ranking, each score with its parts in the query's language. */
export function useReuseRanking(query: ReuseRankingQuery) {
  return useQuery({
    queryKey: reuseKeys.ranking(query),
    queryFn: ({ signal }): Promise<ReuseRankingPage> => unwrap(api.GET('/api/reuse/buildings', { params: { query }, signal })),
    placeholderData: keepPreviousData,
  });
}

/**
 * GET /reuse/status: the background recompute. Polled every second while it runs (or the scores are
 * stale); when it ends, what was computed from the scores is fetched again.
 */
export function useReuseStatus() {
  const queryClient = useQueryClient();
  const status = useQuery({
    queryKey: reuseKeys.status(),
    queryFn: ({ signal }): Promise<ReuseStatus> => unwrap(api.GET('/api/reuse/status', { signal })),
    refetchInterval: (q) => (q.state.data && (q.state.data.status === 'running' || q.state.data.stale) ? 1000 : false),
  });
  const busy = status.data ? status.data.status === 'running' || status.data.stale : false;
  const wasBusy = useRef(false);
  useEffect(() => {
    if (wasBusy.current && !busy) void queryClient.invalidateQueries({ queryKey: reuseKeys.scored() });
    wasBusy.current = busy;
  }, [busy, queryClient]);
  return status;
}
