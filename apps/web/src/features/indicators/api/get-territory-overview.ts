import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/api-client';
import { indicatorKeys } from './indicator-keys';
import type { TerritoryOverview } from './types';

/** GET /api/indicators/territory: every indicator of one territory for a period, with targets and progress. */
export function getTerritoryOverview(territory: string, period: string, drafts: boolean, signal?: AbortSignal): Promise<TerritoryOverview> {
  return unwrap(api.GET('/api/indicators/territory', { params: { query: { territory, period, drafts: drafts || undefined } }, signal }));
}

export function useTerritoryOverview(territory: string, period: string, drafts = false) {
  return useQuery({
    queryKey: indicatorKeys.territory(territory, period, drafts),
    queryFn: ({ signal }) => getTerritoryOverview(territory, period, drafts, signal),
    placeholderData: keepPreviousData,
  });
}
