import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/api-client';
import { legalKeys } from './legal-keys';
import type { PublicTenant } from './types';

export function listPublicTenants(signal?: AbortSignal): Promise<PublicTenant[]> {
  return unwrap(api.GET('/api/public/tenants', { signal }));
}

/** The metropolitan cities on the platform, read before sign-in to choose whose page to show. */
export function usePublicTenants(enabled = true) {
  return useQuery({ ...queryOptions({ queryKey: legalKeys.tenants(), queryFn: ({ signal }) => listPublicTenants(signal) }), enabled });
}
