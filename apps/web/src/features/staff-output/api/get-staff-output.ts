import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/api-client';
import { staffOutputKeys } from './staff-output-keys';
import type { StaffOutputDto, StaffOutputQuery } from './types';

export async function getStaffOutput(query: StaffOutputQuery, signal?: AbortSignal): Promise<StaffOutputDto> {
  return unwrap(api.GET('/api/staff-output', { params: { query }, signal }));
}

export function staffOutputQueryOptions(query: StaffOutputQuery) {
  return queryOptions({
    queryKey: staffOutputKeys.report(query),
    queryFn: ({ signal }) => getStaffOutput(query, signal),
    placeholderData: keepPreviousData,
    // aggregates over up to a million rows: a minute of freshness is plenty for a dashboard
    staleTime: 60_000,
  });
}

/** `query` null: nothing to ask yet (an incomplete custom period, an admin without a tenant). */
export function useStaffOutput(query: StaffOutputQuery | null) {
  return useQuery({ ...staffOutputQueryOptions(query ?? { from: '', to: '' }), enabled: query !== null });
}
