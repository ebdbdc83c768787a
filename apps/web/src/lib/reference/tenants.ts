import { queryOptions, useQuery } from '@tanstack/react-query';
import type { TenantRef } from '@trama/contracts';
import { apiRequest } from '../api/api-client';
import { referenceKeys } from './reference-keys';

export function listTenants(signal?: AbortSignal): Promise<TenantRef[]> {
  return apiRequest<TenantRef[]>('/tenants', { signal });
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
