import { queryOptions, useQuery } from '@tanstack/react-query';
import type { PublicConfig } from '@trama/contracts';
import { apiRequest } from '../../../lib/api/api-client';
import { territoryKeys } from './territory-keys';

export function getPublicConfig(): Promise<PublicConfig> {
  return apiRequest<PublicConfig>('/config');
}

export const publicConfigQueryOptions = queryOptions({
  queryKey: territoryKeys.config(),
  queryFn: getPublicConfig,
  staleTime: Infinity,
});

export function usePublicConfig() {
  return useQuery(publicConfigQueryOptions);
}
