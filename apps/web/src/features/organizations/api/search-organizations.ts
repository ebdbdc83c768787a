import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/api-client';
import { organizationKeys } from './organization-keys';
import type { OrganizationPage } from './types';

export const SEARCH_PAGE_SIZE = 8;

/**
 * Organizations of the register whose name (or tax code) matches `q`, by name. Without network (field
 * mode), the organizations of the innovator's municipalities kept on the device answer instead.
 */
export async function searchOrganizations(q: string, signal?: AbortSignal): Promise<OrganizationPage> {
  if (typeof navigator !== 'undefined' && navigator.onLine === false) {
    // loaded only when needed: IndexedDB's wrapper stays out of the pages that never go offline
    const { searchOfflineOrganizations } = await import('../../../lib/offline/reference');
    const found = await searchOfflineOrganizations(q, SEARCH_PAGE_SIZE);
    // the picker reads id, name, kind and the municipality's name: the device's copy holds those
    return { ...found, page: 1, pageSize: SEARCH_PAGE_SIZE } as unknown as OrganizationPage;
  }
  return unwrap(api.GET('/api/organizations', { params: { query: { q, pageSize: SEARCH_PAGE_SIZE } }, signal }));
}

export function organizationSearchQueryOptions(q: string) {
  return queryOptions({
    queryKey: organizationKeys.search(q),
    queryFn: ({ signal }) => searchOrganizations(q, signal),
    staleTime: 60_000,
    placeholderData: keepPreviousData,
    // offline the query still runs: it reads the device's copy (react-query would pause it)
    networkMode: 'always',
  });
}

/** Searches once the text has at least two characters. */
export function useOrganizationSearch(q: string) {
  return useQuery({ ...organizationSearchQueryOptions(q), enabled: q.length >= 2 });
}
