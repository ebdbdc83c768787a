import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/api-client';
import { afterTransition } from './transition-activity';
import type { ActivityDto } from './types';

/** Its reviewer corrects the comment of the latest return, until the author opens the activity. */
export function editReviewComment(id: string, body: { comment: string; version: number }): Promise<ActivityDto> {
  return unwrap(api.PATCH('/api/activities/{id}/review-comment', { params: { path: { id } }, body }));
}

export function useEditReviewComment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: string; comment: string; version: number }) => editReviewComment(id, body),
    onSettled: (activity, _error, { id }) => afterTransition(queryClient, id, activity),
  });
}
