import { queryOptions, useQuery } from '@tanstack/react-query';
import { MAX_PAGE_SIZE, type MunicipalityDto, type Page } from '@trama/contracts';
import { apiRequest } from '../../../lib/api/api-client';
import { territoryKeys } from './territory-keys';

export interface MunicipalityFilter {
  socialArea?: string;
}

/** Every municipality in the caller's scope, all pages (Bari has 41, Bologna 55; MAX_PAGE_SIZE is 200). */
export async function listAllMunicipalities(filter: MunicipalityFilter, signal?: AbortSignal): Promise<MunicipalityDto[]> {
  const items: MunicipalityDto[] = [];
  for (let page = 1; ; page++) {
    const result = await apiRequest<Page<MunicipalityDto>>('/municipalities', {
      query: { socialArea: filter.socialArea, page, pageSize: MAX_PAGE_SIZE },
      signal,
    });
    items.push(...result.items);
    if (result.items.length === 0 || items.length >= result.total) return items;
  }
}

export function municipalitiesQueryOptions(filter: MunicipalityFilter = {}) {
  return queryOptions({
    queryKey: territoryKeys.municipalityList(filter),
    queryFn: ({ signal }) => listAllMunicipalities(filter, signal),
  });
}

export function useMunicipalities(filter: MunicipalityFilter = {}) {
  return useQuery(municipalitiesQueryOptions(filter));
}
