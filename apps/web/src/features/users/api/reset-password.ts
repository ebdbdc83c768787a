import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/api-client';
import type { ResetPasswordResponse } from './types';
import { userKeys } from './user-keys';

export function resetPassword(id: string): Promise<ResetPasswordResponse> {
  return unwrap(api.POST('/api/users/{id}/reset-password', { params: { path: { id } } }));
}

/** Issues a temporary password. The answer is kept only in the mutation's state: shown once, never cached. */
export function useResetPassword(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => resetPassword(id),
    onSettled: () => queryClient.invalidateQueries({ queryKey: userKeys.detail(id) }),
  });
}
