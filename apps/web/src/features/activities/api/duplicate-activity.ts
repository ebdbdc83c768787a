import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/api-client';
import { activityKeys } from './activity-keys';
import type { ActivityDto } from './types';

/** Copies one of the caller's activities into a new draft (a recurring meeting); `clientId` makes a retry safe. */
export function duplicateActivity(id: string, body: { clientId: string; date?: string }): Promise<ActivityDto> {
  return unwrap(api.POST('/api/activities/{id}/duplicate', { params: { path: { id } }, body }));
}

export function useDuplicateActivity() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: string; clientId: string; date?: string }) => duplicateActivity(id, body),
    onSuccess: (activity) => {
      queryClient.setQueryData(activityKeys.detail(activity.id), activity);
      return queryClient.invalidateQueries({ queryKey: activityKeys.lists() });
    },
  });
}
