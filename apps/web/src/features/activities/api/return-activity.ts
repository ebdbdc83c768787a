import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ActivityDto, ActivityReviewRequest } from '@trama/contracts';
import { afterTransition, transitionActivity } from './transition-activity';

/** A coordinator returns a submitted activity to its author, with a comment saying what to change. */
export function returnActivity(id: string, body: ActivityReviewRequest & { comment: string }): Promise<ActivityDto> {
  return transitionActivity(id, 'return', body);
}

export function useReturnActivity() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: string } & ActivityReviewRequest & { comment: string }) => returnActivity(id, body),
    onSettled: (activity, _error, { id }) => afterTransition(queryClient, id, activity),
  });
}
