import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/api-client';
import { legalKeys } from './legal-keys';
import type { AccessibilityStatement, UpdateAccessibilityStatementRequest } from './types';

export function updateAccessibilityStatement(
  istatCode: string,
  body: UpdateAccessibilityStatementRequest,
): Promise<AccessibilityStatement> {
  return unwrap(api.PUT('/api/tenants/{istatCode}/accessibility-statement', { params: { path: { istatCode } }, body }));
}

/** Saves the statement; `version` guards against lost updates (a 409 reloads it). */
export function useUpdateAccessibilityStatement(istatCode: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateAccessibilityStatementRequest) => updateAccessibilityStatement(istatCode, body),
    onSuccess: (page) => queryClient.setQueryData(legalKeys.accessibility(istatCode), page),
    onError: () => queryClient.invalidateQueries({ queryKey: legalKeys.accessibility(istatCode) }),
  });
}
