import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/api-client';
import { collaborationKeys } from './collaboration-keys';
import type { CollaborationStatus, CollaborationWeights, UpdateWeightsRequest } from './types';

/** How often the recompute's progress is asked while one is queued or running. */
export const STATUS_POLL_MS = 1000;

export function useCollaborationWeights() {
  return useQuery({
    queryKey: collaborationKeys.weights(),
    queryFn: ({ signal }) => unwrap(api.GET('/api/collaborations/weights', { signal })),
  });
}

export function isRecomputing(status: CollaborationStatus | undefined): boolean {
  return status?.state === 'pending' || status?.state === 'running';
}

/**
 * GET /collaborations/status, asked again every second while a recompute is queued or running;
 * when it ends, the suggestions and the network are read again (they changed).
 */
export function useCollaborationStatus(options: { enabled?: boolean } = {}) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: collaborationKeys.status(),
    queryFn: async ({ signal }) => {
      const previous = queryClient.getQueryData<CollaborationStatus>(collaborationKeys.status());
      const status = await unwrap(api.GET('/api/collaborations/status', { signal }));
      if (isRecomputing(previous) && !isRecomputing(status)) {
        void queryClient.invalidateQueries({ queryKey: collaborationKeys.suggestionLists() });
        void queryClient.invalidateQueries({ queryKey: collaborationKeys.networks() });
      }
      return status;
    },
    enabled: options.enabled ?? true,
    refetchInterval: (query) => (isRecomputing(query.state.data) ? STATUS_POLL_MS : false),
  });
}

/** After a save or a reset: the new weights in the cache, and the status asked at once (a recompute is queued). */
function useAfterSave() {
  const queryClient = useQueryClient();
  return (weights: CollaborationWeights) => {
    queryClient.setQueryData(collaborationKeys.weights(), weights);
    void queryClient.invalidateQueries({ queryKey: collaborationKeys.status() });
    void queryClient.invalidateQueries({ queryKey: collaborationKeys.suggestionLists() });
  };
}

/** PUT /collaborations/weights with the version loaded (409 STALE_VERSION when someone saved in between). */
export function useSaveWeights() {
  const afterSave = useAfterSave();
  return useMutation({
    mutationFn: (body: UpdateWeightsRequest) => unwrap(api.PUT('/api/collaborations/weights', { body })),
    onSuccess: afterSave,
  });
}

/** POST /collaborations/weights/reset: the defaults back. */
export function useResetWeights() {
  const afterSave = useAfterSave();
  return useMutation({
    mutationFn: (version: number) => unwrap(api.POST('/api/collaborations/weights/reset', { body: { version } })),
    onSuccess: afterSave,
  });
}

/** A 409 leaves the form with stale data: read the weights again so that the coordinator starts from what is saved. */
export function useReloadWeights() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: collaborationKeys.weights() });
}
