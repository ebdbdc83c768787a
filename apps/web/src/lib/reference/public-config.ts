import { queryOptions, useQuery } from '@tanstack/react-query';
import type { PublicConfig } from '@trama/contracts';
import { apiRequest } from '../api/api-client';
import { referenceKeys } from './reference-keys';

export function getPublicConfig(signal?: AbortSignal): Promise<PublicConfig> {
  return apiRequest<PublicConfig>('/config', { signal });
}

export const publicConfigQueryOptions = queryOptions({
  queryKey: referenceKeys.config(),
  queryFn: ({ signal }) => getPublicConfig(signal),
  staleTime: Infinity,
});

export function usePublicConfig() {
  return useQuery(publicConfigQueryOptions);
}
