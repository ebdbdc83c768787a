import { queryOptions, useQuery } from '@tanstack/react-query';
import { MAX_PAGE_SIZE, type Page, type SocialAreaDto } from '@trama/contracts';
import { apiRequest } from '../../../lib/api/api-client';
import { territoryKeys } from './territory-keys';

/** Every social area in the caller's scope (a tenant has a dozen or two: the pages are read to the end). */
export async function listSocialAreas(signal?: AbortSignal): Promise<SocialAreaDto[]> {
  const items: SocialAreaDto[] = [];
  for (let page = 1; ; page++) {
    const result = await apiRequest<Page<SocialAreaDto>>('/social-areas', { query: { page, pageSize: MAX_PAGE_SIZE }, signal });
    items.push(...result.items);
    if (result.items.length === 0 || items.length >= result.total) return items;
  }
}

export const socialAreasQueryOptions = queryOptions({
  queryKey: territoryKeys.socialAreas(),
  queryFn: ({ signal }) => listSocialAreas(signal),
});

export function useSocialAreas() {
  return useQuery(socialAreasQueryOptions);
}
