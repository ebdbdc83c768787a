import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { QueryOf, ResponseOf } from '@trama/api-client';
import { api, unwrap } from '../../../lib/api/api-client';
import { mapKeys } from './map-keys';
import type { LayerCollection } from './types';

export type InitiativesLayerQuery = QueryOf<'getInitiativesLayer'>;
export type InitiativesInViewQuery = QueryOf<'listInitiatives'>;
export type InitiativesPage = ResponseOf<'listInitiatives'>;
export type InitiativeRecord = ResponseOf<'getInitiative'>;

/** The initiatives layer for a viewport (null: not known yet or layer hidden). */
export function useInitiativesLayer(query: InitiativesLayerQuery | null) {
  return useQuery({
    queryKey: [...mapKeys.layers(), 'initiatives', query] as const,
    queryFn: ({ signal }): Promise<LayerCollection> =>
      unwrap(api.GET('/api/map/layers/initiatives', { params: { query: query! }, signal })),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
    enabled: query !== null,
  });
}

/** The initiatives list with the map's filters and bbox: the list of exactly what the map shows. */
export function useInitiativesInView(query: InitiativesInViewQuery | null) {
  return useQuery({
    queryKey: [...mapKeys.lists(), 'initiatives', query] as const,
    queryFn: ({ signal }): Promise<InitiativesPage> => unwrap(api.GET('/api/initiatives', { params: { query: query! }, signal })),
    placeholderData: keepPreviousData,
    enabled: query !== null,
  });
}

/** An initiative for the side panel. */
export function useInitiativeRecord(id: string | null) {
  return useQuery({
    queryKey: [...mapKeys.records(), 'initiatives', id] as const,
    queryFn: ({ signal }): Promise<InitiativeRecord> => unwrap(api.GET('/api/initiatives/{id}', { params: { path: { id: id! } }, signal })),
    enabled: id !== null,
  });
}
