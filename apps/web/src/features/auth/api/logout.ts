import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/api-client';
import { endSession } from '../../../lib/auth/session';

export function logout(): Promise<void> {
  return unwrap(api.POST('/api/auth/logout'));
}

/** Signs out on the server (revokes the refresh cookie) and forgets everything locally, even if the server is unreachable. */
export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: logout,
    onSettled: () => endSession(queryClient),
  });
}
