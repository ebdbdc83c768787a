import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ResponseOf } from '@trama/api-client';
import { api, unwrap } from '../api/api-client';
import { referenceKeys } from './reference-keys';

export type PublicConfig = ResponseOf<'getPublicConfig'>;

export function getPublicConfig(signal?: AbortSignal): Promise<PublicConfig> {
  return unwrap(api.GET('/api/config', { signal }));
}

export const publicConfigQueryOptions = queryOptions({
  queryKey: referenceKeys.config(),
  queryFn: ({ signal }) => getPublicConfig(signal),
  staleTime: Infinity,
});

export function usePublicConfig() {
  return useQuery(publicConfigQueryOptions);
}
