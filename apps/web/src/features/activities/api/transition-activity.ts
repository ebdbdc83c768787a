import type { QueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/api-client';
import { activityKeys } from './activity-keys';
import type { ActivityDto, ActivityReviewRequest, ReturnActivityRequest } from './types';

/** POST /activities/:id/<transition>: the status machine's moves, each answering the updated activity. */
export const transitions = {
  submit: (id: string, body: ActivityReviewRequest) => unwrap(api.POST('/api/activities/{id}/submit', { params: { path: { id } }, body })),
  approve: (id: string, body: ActivityReviewRequest) =>
    unwrap(api.POST('/api/activities/{id}/approve', { params: { path: { id } }, body })),
  return: (id: string, body: ReturnActivityRequest) => unwrap(api.POST('/api/activities/{id}/return', { params: { path: { id } }, body })),
  reopen: (id: string, body: ActivityReviewRequest) => unwrap(api.POST('/api/activities/{id}/reopen', { params: { path: { id } }, body })),
} satisfies Record<string, (id: string, body: never) => Promise<ActivityDto>>;

export type ActivityTransition = keyof typeof transitions;

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
