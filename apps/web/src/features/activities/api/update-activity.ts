import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/api-client';
import { activityKeys } from './activity-keys';
import type { ActivityDto, UpdateActivityRequest } from './types';

/** Edits a draft or returned activity; `version` guards against lost updates (409 *STALE_VERSION). */
export function updateActivity(id: string, body: UpdateActivityRequest): Promise<ActivityDto> {
  return unwrap(api.PATCH('/api/activities/{id}', { params: { path: { id } }, body }));
}

export function useUpdateActivity() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateActivityRequest }) => updateActivity(id, body),
    onSuccess: (activity) => {
      queryClient.setQueryData(activityKeys.detail(activity.id), activity);
    },
    onSettled: (_data, _error, { id }) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: activityKeys.lists() }),
        queryClient.invalidateQueries({ queryKey: activityKeys.history(id) }),
      ]),
  });
}
