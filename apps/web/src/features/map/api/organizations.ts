import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { QueryOf, ResponseOf } from '@trama/api-client';
import { api, unwrap } from '../../../lib/api/api-client';
import { mapKeys } from './map-keys';
import type { LayerCollection } from './types';

export type OrganizationsLayerQuery = QueryOf<'getOrganizationsLayer'>;
export type OrganizationsInViewQuery = QueryOf<'listOrganizations'>;
export type OrganizationsPage = ResponseOf<'listOrganizations'>;
export type OrganizationRecord = ResponseOf<'getOrganization'>;

/** The organizations layer for a viewport (null: not known yet or layer hidden). */
export function useOrganizationsLayer(query: OrganizationsLayerQuery | null) {
  return useQuery({
    queryKey: [...mapKeys.layers(), 'organizations', query] as const,
    queryFn: ({ signal }): Promise<LayerCollection> =>
      unwrap(api.GET('/api/map/layers/organizations', { params: { query: query! }, signal })),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
    enabled: query !== null,
  });
}

/** The organizations list with the map's filters and bbox: the list of exactly what the map shows. */
export function useOrganizationsInView(query: OrganizationsInViewQuery | null) {
  return useQuery({
    queryKey: [...mapKeys.lists(), 'organizations', query] as const,
    queryFn: ({ signal }): Promise<OrganizationsPage> => unwrap(api.GET('/api/organizations', { params: { query: query! }, signal })),
    placeholderData: keepPreviousData,
    enabled: query !== null,
  });
}

/** An organization for the side panel. */
export function useOrganizationRecord(id: string | null) {
  return useQuery({
    queryKey: [...mapKeys.records(), 'organizations', id] as const,
    queryFn: ({ signal }): Promise<OrganizationRecord> =>
      unwrap(api.GET('/api/organizations/{id}', { params: { path: { id: id! } }, signal })),
    enabled: id !== null,
  });
}
