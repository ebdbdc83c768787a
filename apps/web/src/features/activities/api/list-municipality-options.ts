import { queryOptions, useQuery } from '@tanstack/react-query';
import { MAX_PAGE_SIZE, type MunicipalityDto, type MunicipalityRef, type Page } from '@trama/contracts';
import { apiRequest } from '../../../lib/api/api-client';
import { activityKeys } from './activity-keys';

/** The municipalities the caller may see (the whole tenant, or a municipality user's territory), as filter choices. */
export async function listMunicipalityOptions(signal?: AbortSignal): Promise<MunicipalityRef[]> {
  const items: MunicipalityRef[] = [];
  for (let page = 1; ; page++) {
    const result = await apiRequest<Page<MunicipalityDto>>('/municipalities', { query: { page, pageSize: MAX_PAGE_SIZE }, signal });
    items.push(...result.items.map((m) => ({ istatCode: m.istatCode, name: m.name })));
    if (result.items.length === 0 || items.length >= result.total) return items;
  }
}

export const municipalityOptionsQueryOptions = queryOptions({
  queryKey: activityKeys.municipalityOptions(),
  queryFn: ({ signal }) => listMunicipalityOptions(signal),
  staleTime: 5 * 60_000,
});

export function useMunicipalityOptions(enabled = true) {
  return useQuery({ ...municipalityOptionsQueryOptions, enabled });
}
