import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/api-client';
import type { TenantRef } from '../api/types';
import { referenceKeys } from './reference-keys';

export function listTenants(signal?: AbortSignal): Promise<TenantRef[]> {
  return unwrap(api.GET('/api/tenants', { signal }));
}

export const tenantsQueryOptions = queryOptions({
  queryKey: referenceKeys.tenants(),
  queryFn: ({ signal }) => listTenants(signal),
  staleTime: 10 * 60_000,
});

/** Only admins choose a tenant; for everyone else the query stays idle. */
export function useTenants(enabled: boolean) {
  return useQuery({ ...tenantsQueryOptions, enabled });
}
