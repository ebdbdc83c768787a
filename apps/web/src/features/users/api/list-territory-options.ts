import { queryOptions, useQuery } from '@tanstack/react-query';
import { MAX_PAGE_SIZE, type MunicipalityDto, type Page, type SocialAreaDto } from '@trama/contracts';
import { apiRequest } from '../../../lib/api/api-client';
import { userKeys } from './user-keys';

export interface TerritoryOption {
  code: string;
  name: string;
  /** municipalities: the name of their social area */
  group?: string;
}

async function readAll<T>(path: string, signal?: AbortSignal): Promise<T[]> {
  const items: T[] = [];
  for (let page = 1; ; page++) {
    const result = await apiRequest<Page<T>>(path, { query: { page, pageSize: MAX_PAGE_SIZE }, signal });
    items.push(...result.items);
    if (result.items.length === 0 || items.length >= result.total) return items;
  }
}

/** The tenant's municipalities as choices (assignments of innovators, territory of municipality users). */
export async function listMunicipalityOptions(signal?: AbortSignal): Promise<TerritoryOption[]> {
  const items = await readAll<MunicipalityDto>('/municipalities', signal);
  return items.map((m) => ({ code: m.istatCode, name: m.name, group: m.socialArea?.name }));
}

export async function listSocialAreaOptions(signal?: AbortSignal): Promise<TerritoryOption[]> {
  const items = await readAll<SocialAreaDto>('/social-areas', signal);
  return items.map((a) => ({ code: a.code, name: a.name }));
}

export function municipalityOptionsQuery() {
  return queryOptions({
    queryKey: userKeys.municipalityOptions(),
    queryFn: ({ signal }) => listMunicipalityOptions(signal),
    staleTime: 5 * 60_000,
  });
}

export function socialAreaOptionsQuery() {
  return queryOptions({
    queryKey: userKeys.socialAreaOptions(),
    queryFn: ({ signal }) => listSocialAreaOptions(signal),
    staleTime: 5 * 60_000,
  });
}

export function useMunicipalityOptions(enabled = true) {
  return useQuery({ ...municipalityOptionsQuery(), enabled });
}

export function useSocialAreaOptions(enabled = true) {
  return useQuery({ ...socialAreaOptionsQuery(), enabled });
}
