import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { RequestBodyOf } from '@trama/api-client';
import { api, unwrap } from '../../../lib/api/api-client';
import type { LoginResponse } from '../../../lib/api/types';
import { startSession } from '../../../lib/auth/session';

export type LoginRequest = RequestBodyOf<'login'>;

/** Signs in (its 401 means wrong credentials: the client never refreshes and retries it). */
export function login(body: LoginRequest): Promise<LoginResponse> {
  return unwrap(api.POST('/api/auth/login', { body }));
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: login,
    onSuccess: (response) => startSession(queryClient, response),
  });
}
