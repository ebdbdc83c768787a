import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api/api-client';
import { endSession } from '../../../lib/auth/session';

export function logout(): Promise<void> {
  return apiRequest<void>('/auth/logout', { method: 'POST', refreshOn401: false });
}

/** Signs out on the server (revokes the refresh cookie) and forgets everything locally, even if the server is unreachable. */
export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: logout,
    onSettled: () => endSession(queryClient),
  });
}
