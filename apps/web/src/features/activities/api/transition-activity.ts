import type { ActivityDto, ActivityReviewRequest } from '@trama/contracts';
import type { QueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api/api-client';
import { activityKeys } from './activity-keys';

export type ActivityTransition = 'submit' | 'approve' | 'return' | 'reopen';

/** POST /activities/:id/<transition>: the status machine's moves, each answering the updated activity. */
export function transitionActivity(id: string, transition: ActivityTransition, body: ActivityReviewRequest = {}): Promise<ActivityDto> {
  return apiRequest<ActivityDto>(`/activities/${encodeURIComponent(id)}/${transition}`, { method: 'POST', body });
}

/** After a move: the detail is the answer; lists (and the review queue, and its count) and the history change. */
export function afterTransition(queryClient: QueryClient, id: string, activity: ActivityDto | undefined) {
  if (activity) queryClient.setQueryData(activityKeys.detail(id), activity);
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: activityKeys.lists() }),
    queryClient.invalidateQueries({ queryKey: activityKeys.history(id) }),
    // after a conflict our copy is stale
    activity ? undefined : queryClient.invalidateQueries({ queryKey: activityKeys.detail(id) }),
  ]);
}
