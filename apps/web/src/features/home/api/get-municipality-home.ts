import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/api-client';
import { homeKeys } from './home-keys';
import type { MunicipalityHomeDto, MunicipalityHomeQuery } from './types';

export async function getMunicipalityHome(query: MunicipalityHomeQuery, signal?: AbortSignal): Promise<MunicipalityHomeDto> {
  return unwrap(api.GET('/api/home/municipality', { params: { query }, signal }));
}

export function municipalityHomeQueryOptions(query: MunicipalityHomeQuery) {
  return queryOptions({
    queryKey: homeKeys.municipality(query),
    queryFn: ({ signal }) => getMunicipalityHome(query, signal),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

export function useMunicipalityHome(query: MunicipalityHomeQuery) {
  return useQuery(municipalityHomeQueryOptions(query));
}
