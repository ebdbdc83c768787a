import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/api-client';
import { initiativeKeys } from './initiative-keys';
import type { InitiativeDto, InitiativeHistory } from './types';

export function getInitiative(id: string, signal?: AbortSignal): Promise<InitiativeDto> {
  return unwrap(api.GET('/api/initiatives/{id}', { params: { path: { id } }, signal }));
}

export function useInitiative(id: string) {
  return useQuery(queryOptions({ queryKey: initiativeKeys.detail(id), queryFn: ({ signal }) => getInitiative(id, signal) }));
}

export function getInitiativeHistory(id: string, signal?: AbortSignal): Promise<InitiativeHistory> {
  return unwrap(api.GET('/api/initiatives/{id}/history', { params: { path: { id } }, signal }));
}

export function useInitiativeHistory(id: string, enabled = true) {
  return useQuery({ queryKey: initiativeKeys.history(id), queryFn: ({ signal }) => getInitiativeHistory(id, signal), enabled });
}
