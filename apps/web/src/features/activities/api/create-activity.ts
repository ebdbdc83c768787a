import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/api-client';
import { activityKeys } from './activity-keys';
import type { ActivityDto, CreateActivityRequest } from './types';

/** Creates an activity. The body's `clientId` makes it idempotent: a retry returns the same activity. */
export function createActivity(body: CreateActivityRequest): Promise<ActivityDto> {
  return unwrap(api.POST('/api/activities', { body }));
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
