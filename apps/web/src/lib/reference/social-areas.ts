import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ResponseOf } from '@trama/api-client';
import { MAX_PAGE_SIZE } from '@trama/contracts';
import { api, unwrap } from '../api/api-client';
import { referenceKeys } from './reference-keys';
import type { ReferenceOption } from './reference-option';

export type SocialAreaDto = ResponseOf<'getSocialArea'>;

/** Every social area in the caller's scope (a tenant has a dozen or two: the pages are read to the end). */
export async function listAllSocialAreas(signal?: AbortSignal): Promise<SocialAreaDto[]> {
  const items: SocialAreaDto[] = [];
  for (let page = 1; ; page++) {
    const result = await unwrap(api.GET('/api/social-areas', { params: { query: { page, pageSize: MAX_PAGE_SIZE } }, signal }));
    items.push(...result.items);
    if (result.items.length === 0 || items.length >= result.total) return items;
  }
}

export const socialAreasQueryOptions = queryOptions({
  queryKey: referenceKeys.socialAreas(),
  queryFn: ({ signal }) => listAllSocialAreas(signal),
  staleTime: 5 * 60_000,
});

export const asSocialAreaOptions = (items: SocialAreaDto[]): ReferenceOption[] => items.map((a) => ({ code: a.code, name: a.name }));

export function useSocialAreas<T = SocialAreaDto[]>(options: { enabled?: boolean; select?: (items: SocialAreaDto[]) => T } = {}) {
  return useQuery({ ...socialAreasQueryOptions, enabled: options.enabled ?? true, select: options.select });
}
