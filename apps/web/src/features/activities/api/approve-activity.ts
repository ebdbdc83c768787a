import { useMutation, useQueryClient } from '@tanstack/react-query';
import { afterTransition, transitions } from './transition-activity';
import type { ActivityDto, ActivityReviewRequest } from './types';

/** A coordinator approves a submitted activity (locked for its author from then on). */
export function approveActivity(id: string, body: ActivityReviewRequest = {}): Promise<ActivityDto> {
  return transitions.approve(id, body);
}

export function useApproveActivity() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: string } & ActivityReviewRequest) => approveActivity(id, body),
    onSettled: (activity, _error, { id }) => afterTransition(queryClient, id, activity),
  });
}
