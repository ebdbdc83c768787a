import { useMutation } from '@tanstack/react-query';
import type { RequestBodyOf } from '@trama/api-client';
import { api, unwrap } from '../../../lib/api/api-client';

export type PasswordResetRequest = RequestBodyOf<'requestPasswordReset'>;
export type PasswordResetConfirm = RequestBodyOf<'confirmPasswordReset'>;

/** Asks for a reset link: the answer is the same whether or not the address has an account. */
export function requestPasswordReset(body: PasswordResetRequest): Promise<void> {
  return unwrap(api.POST('/api/auth/password-reset/request', { body }));
}

export function useRequestPasswordReset() {
  return useMutation({ mutationFn: requestPasswordReset });
}

/** Sets the new password with the token of the e-mailed link (its 400 RESET_TOKEN_INVALID: used, expired or unknown). */
export function confirmPasswordReset(body: PasswordResetConfirm): Promise<void> {
  return unwrap(api.POST('/api/auth/password-reset/confirm', { body }));
}

export function useConfirmPasswordReset() {
  return useMutation({ mutationFn: confirmPasswordReset });
}
