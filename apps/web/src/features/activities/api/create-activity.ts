import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ActivityDto, CreateActivityRequest } from '@trama/contracts';
import { apiRequest } from '../../../lib/api/api-client';
import { activityKeys } from './activity-keys';

/** Creates an activity. The body's `clientId` makes it idempotent: a retry returns the same activity. */
export function createActivity(body: CreateActivityRequest): Promise<ActivityDto> {
  return apiRequest<ActivityDto>('/activities', { method: 'POST', body });
}

export function useCreateActivity() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createActivity,
    onSuccess: (activity) => {
      queryClient.setQueryData(activityKeys.detail(activity.id), activity);
      return queryClient.invalidateQueries({ queryKey: activityKeys.lists() });
    },
  });
}
