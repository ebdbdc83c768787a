import { useMutation, useQueryClient } from '@tanstack/react-query';
import { afterTransition, transitions } from './transition-activity';
import type { ActivityDto, ActivityReviewRequest } from './types';

/** The author sends a draft or returned activity for review. */
export function submitActivity(id: string, body: ActivityReviewRequest = {}): Promise<ActivityDto> {
  return transitions.submit(id, body);
}

export function useSubmitActivity() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: string } & ActivityReviewRequest) => submitActivity(id, body),
    onSettled: (activity, _error, { id }) => afterTransition(queryClient, id, activity),
  });
}
