import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/api-client';
import { activityKeys } from './activity-keys';

/** Deletes a draft of the caller (soft on the server: it disappears everywhere). */
export async function deleteActivity(id: string, version: number): Promise<void> {
  await unwrap(api.DELETE('/api/activities/{id}', { params: { path: { id }, query: { version } } }));
}

export function useDeleteActivity() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) => deleteActivity(id, version),
    onSuccess: (_data, { id }) => queryClient.removeQueries({ queryKey: activityKeys.detail(id) }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: activityKeys.lists() }),
  });
}
