import { useMutation } from '@tanstack/react-query';
import type { ChangePasswordRequest } from '@trama/contracts';
import { apiRequest } from '../../../lib/api/api-client';

export function changePassword(body: ChangePasswordRequest): Promise<void> {
  return apiRequest<void>('/auth/password', { method: 'POST', body });
}

export function useChangePassword() {
  return useMutation({ mutationFn: changePassword });
}
