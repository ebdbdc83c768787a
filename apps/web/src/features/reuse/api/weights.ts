import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/api-client';
import { reuseKeys } from './reuse-keys';
import type { ReuseWeightsRequest, ReuseWeightsResponse } from './types';

/** GET /reuse/weights: the tenant's weights, the defaults and the version to write at. */
export function useReuseWeights() {
  return useQuery({
    queryKey: reuseKeys.weights(),
    queryFn: ({ signal }): Promise<ReuseWeightsResponse> => unwrap(api.GET('/api/reuse/weights', { signal })),
  });
}

function useAfterWeights() {
  const queryClient = useQueryClient();
  return {
    onSuccess: (data: ReuseWeightsResponse) => queryClient.setQueryData(reuseKeys.weights(), data),
    // the recompute starts: the status polls until it ends, then the ranking is fetched again
    onSettled: () => queryClient.invalidateQueries({ queryKey: reuseKeys.status() }),
  };
}

/** PUT /reuse/weights at the version read (409 STALE_VERSION otherwise). */
export function useSaveReuseWeights() {
  return useMutation({ mutationFn: (body: ReuseWeightsRequest) => unwrap(api.PUT('/api/reuse/weights', { body })), ...useAfterWeights() });
}

/** POST /reuse/weights/reset: back to the defaults. */
export function useResetReuseWeights() {
  return useMutation({
    mutationFn: (version: number) => unwrap(api.POST('/api/reuse/weights/reset', { body: { version } })),
    ...useAfterWeights(),
  });
}
