import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ResetPasswordResponse } from '@trama/contracts';
import { apiRequest } from '../../../lib/api/api-client';
import { userKeys } from './user-keys';

export function resetPassword(id: string): Promise<ResetPasswordResponse> {
  return apiRequest<ResetPasswordResponse>(`/users/${encodeURIComponent(id)}/reset-password`, { method: 'POST' });
}

/** Issues a temporary password. The answer is kept only in the mutation's state: shown once, never cached. */
export function useResetPassword(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => resetPassword(id),
    onSettled: () => queryClient.invalidateQueries({ queryKey: userKeys.detail(id) }),
  });
}
