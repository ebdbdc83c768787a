import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ActivityDto, ActivityReviewRequest } from '@trama/contracts';
import { afterTransition, transitionActivity } from './transition-activity';

/** A coordinator approves a submitted activity (locked for its author from then on). */
export function approveActivity(id: string, body: ActivityReviewRequest = {}): Promise<ActivityDto> {
  return transitionActivity(id, 'approve', body);
}

export function useApproveActivity() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: string } & ActivityReviewRequest) => approveActivity(id, body),
    onSettled: (activity, _error, { id }) => afterTransition(queryClient, id, activity),
  });
}
