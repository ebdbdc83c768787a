import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/api-client';
import { legalKeys } from './legal-keys';
import type { PrivacyNotice } from './types';

export function getPrivacyNotice(istatCode: string, signal?: AbortSignal): Promise<PrivacyNotice> {
  return unwrap(api.GET('/api/public/tenants/{istatCode}/privacy-notice', { params: { path: { istatCode } }, signal }));
}

/** A tenant's privacy notice (public: no session needed). */
export function usePrivacyNotice(istatCode: string) {
  return useQuery({ queryKey: legalKeys.privacy(istatCode), queryFn: ({ signal }) => getPrivacyNotice(istatCode, signal) });
}
