import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/api-client';
import { indicatorKeys } from './indicator-keys';
import type { IndicatorList } from './types';

export function listIndicators(signal?: AbortSignal): Promise<IndicatorList> {
  return unwrap(api.GET('/api/indicators', { signal }));
}

export const indicatorsQueryOptions = queryOptions({
  queryKey: indicatorKeys.definitions(),
  queryFn: ({ signal }) => listIndicators(signal),
  staleTime: 60_000,
});

export function useIndicators() {
  return useQuery(indicatorsQueryOptions);
}
