import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/api-client';
import { indicatorKeys } from './indicator-keys';
import type { IndicatorValuesQuery, IndicatorValuesResponse } from './types';

/** GET /api/indicators/<code>/values: one territory over a range, or the territories under one for a period. */
export function getIndicatorValues(code: string, query: IndicatorValuesQuery, signal?: AbortSignal): Promise<IndicatorValuesResponse> {
  return unwrap(
    api.GET('/api/indicators/{code}/values', { params: { path: { code }, query }, signal }),
  ) as Promise<IndicatorValuesResponse>;
}

export function indicatorValuesQueryOptions(code: string, query: IndicatorValuesQuery, enabled = true) {
  return queryOptions({
    queryKey: indicatorKeys.valuesOf(code, query),
    queryFn: ({ signal }) => getIndicatorValues(code, query, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useIndicatorValues(code: string, query: IndicatorValuesQuery, enabled = true) {
  return useQuery(indicatorValuesQueryOptions(code, query, enabled));
}
