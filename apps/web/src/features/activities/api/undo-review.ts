import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/api-client';
import { afterTransition } from './transition-activity';
import type { ActivityDto } from './types';

/**
 * A coordinator undoes their approve or return: the activity is submitted again (the decision stays in
 * the thread, undone). `version` is the one the decision answered; the server refuses once the author acted.
 */
export function undoReview(id: string, version: number): Promise<ActivityDto> {
  return unwrap(api.POST('/api/activities/{id}/undo-review', { params: { path: { id } }, body: { version } }));
}

export function useUndoReview() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) => undoReview(id, version),
    onSettled: (activity, _error, { id }) => afterTransition(queryClient, id, activity),
  });
}
