import { useMutation, useQueryClient } from '@tanstack/react-query';
import { afterTransition, transitions } from './transition-activity';
import type { ActivityDto, ReturnActivityRequest } from './types';

/** A coordinator returns a submitted activity to its author, with a comment saying what to change. */
export function returnActivity(id: string, body: ReturnActivityRequest): Promise<ActivityDto> {
  return transitions.return(id, body);
}

export function useReturnActivity() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: string } & ReturnActivityRequest) => returnActivity(id, body),
    onSettled: (activity, _error, { id }) => afterTransition(queryClient, id, activity),
  });
}
