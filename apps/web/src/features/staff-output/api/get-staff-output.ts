import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { StaffOutputDto, StaffOutputQuery } from '@trama/contracts';
import { apiRequest } from '../../../lib/api/api-client';
import { staffOutputKeys } from './staff-output-keys';

export function getStaffOutput(query: StaffOutputQuery, signal?: AbortSignal): Promise<StaffOutputDto> {
  return apiRequest<StaffOutputDto>('/staff-output', { query: { ...query }, signal });
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
