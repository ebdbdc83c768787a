import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/api-client';
import { initiativeKeys } from './initiative-keys';
import type { InitiativeListQuery, InitiativePage } from './types';

export function listInitiatives(query: InitiativeListQuery, signal?: AbortSignal): Promise<InitiativePage> {
  return unwrap(api.GET('/api/initiatives', { params: { query }, signal }));
}

export function initiativesQueryOptions(query: InitiativeListQuery, enabled = true) {
  return queryOptions({
    queryKey: initiativeKeys.list(query),
    queryFn: ({ signal }) => listInitiatives(query, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useInitiatives(query: InitiativeListQuery, enabled = true) {
  return useQuery(initiativesQueryOptions(query, enabled));
}
