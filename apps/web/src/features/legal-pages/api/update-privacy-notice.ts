import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/api-client';
import { legalKeys } from './legal-keys';
import type { PrivacyNotice, UpdatePrivacyNoticeRequest } from './types';

export function updatePrivacyNotice(istatCode: string, body: UpdatePrivacyNoticeRequest): Promise<PrivacyNotice> {
  return unwrap(api.PUT('/api/tenants/{istatCode}/privacy-notice', { params: { path: { istatCode } }, body }));
}

/** Saves the notice; `version` guards against lost updates (a 409 reloads it). */
export function useUpdatePrivacyNotice(istatCode: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdatePrivacyNoticeRequest) => updatePrivacyNotice(istatCode, body),
    onSuccess: (page) => queryClient.setQueryData(legalKeys.privacy(istatCode), page),
    onError: () => queryClient.invalidateQueries({ queryKey: legalKeys.privacy(istatCode) }),
  });
}
