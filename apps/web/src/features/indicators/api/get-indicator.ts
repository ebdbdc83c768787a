import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/api-client';
import { indicatorKeys } from './indicator-keys';
import type { IndicatorDefinitionDto } from './types';

export function getIndicator(code: string, signal?: AbortSignal): Promise<IndicatorDefinitionDto> {
  return unwrap(api.GET('/api/indicators/{code}', { params: { path: { code } }, signal }));
}

export function useIndicator(code: string) {
  return useQuery(queryOptions({ queryKey: indicatorKeys.definition(code), queryFn: ({ signal }) => getIndicator(code, signal) }));
}
