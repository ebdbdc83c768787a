import { useMutation } from '@tanstack/react-query';
import type { RequestBodyOf } from '@trama/api-client';
import { api, unwrap } from '../../../lib/api/api-client';

export type ChangePasswordRequest = RequestBodyOf<'changePassword'>;

export function changePassword(body: ChangePasswordRequest): Promise<void> {
  return unwrap(api.POST('/api/auth/password', { body }));
}

export function useChangePassword() {
  return useMutation({ mutationFn: changePassword });
}
