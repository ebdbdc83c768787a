import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/api-client';
import { legalKeys } from './legal-keys';
import type { AccessibilityStatement } from './types';

export function getAccessibilityStatement(istatCode: string, signal?: AbortSignal): Promise<AccessibilityStatement> {
  return unwrap(api.GET('/api/public/tenants/{istatCode}/accessibility-statement', { params: { path: { istatCode } }, signal }));
}

/** A tenant's accessibility statement (public: no session needed). */
export function useAccessibilityStatement(istatCode: string) {
  return useQuery({ queryKey: legalKeys.accessibility(istatCode), queryFn: ({ signal }) => getAccessibilityStatement(istatCode, signal) });
}
