import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/api-client';
import { organizationKeys } from './organization-keys';
import type { OrganizationPage } from './types';

export const SEARCH_PAGE_SIZE = 8;

/** Organizations of the register whose name (or tax code) matches `q`, by name. */
export function searchOrganizations(q: string, signal?: AbortSignal): Promise<OrganizationPage> {
  return unwrap(api.GET('/api/organizations', { params: { query: { q, pageSize: SEARCH_PAGE_SIZE } }, signal }));
}

export function organizationSearchQueryOptions(q: string) {
  return queryOptions({
    queryKey: organizationKeys.search(q),
    queryFn: ({ signal }) => searchOrganizations(q, signal),
    staleTime: 60_000,
    placeholderData: keepPreviousData,
  });
}

/** Searches once the text has at least two characters. */
export function useOrganizationSearch(q: string) {
  return useQuery({ ...organizationSearchQueryOptions(q), enabled: q.length >= 2 });
}
