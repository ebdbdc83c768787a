import { useMutation, useQueryClient } from '@tanstack/react-query';
import { afterTransition, transitions } from './transition-activity';
import type { ActivityDto, ActivityReviewRequest } from './types';

/** A coordinator reopens an approved activity: it goes back to its author as returned. */
export function reopenActivity(id: string, body: ActivityReviewRequest = {}): Promise<ActivityDto> {
  return transitions.reopen(id, body);
}

export function useReopenActivity() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: string } & ActivityReviewRequest) => reopenActivity(id, body),
    onSettled: (activity, _error, { id }) => afterTransition(queryClient, id, activity),
  });
}
