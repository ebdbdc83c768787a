import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { QueryOf, ResponseOf } from '@trama/api-client';
import { api, unwrap } from '../../../lib/api/api-client';
import { mapKeys } from './map-keys';
import type { LayerCollection } from './types';

export type ReuseLayerQuery = QueryOf<'getReuseLayer'>;
export type ReuseInViewQuery = QueryOf<'listReuseRanking'>;
export type ReuseRankingPage = ResponseOf<'listReuseRanking'>;
export type ReuseRankedItem = ReuseRankingPage['items'][number];

/** The reuse-potential layer for a viewport (null: not known yet or layer hidden). */
export function useReuseLayer(query: ReuseLayerQuery | null) {
  return useQuery({
    queryKey: [...mapKeys.layers(), 'reuse', query] as const,
    queryFn: ({ signal }): Promise<LayerCollection> => unwrap(api.GET('/api/map/layers/reuse', { params: { query: query! }, signal })),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
    enabled: query !== null,
  });
}

/** The reuse ranking with the map's filters and bbox: the list of exactly what the reuse layer shows, best first. */
export function useReuseInView(query: ReuseInViewQuery | null) {
  return useQuery({
    queryKey: [...mapKeys.lists(), 'reuse', query] as const,
    queryFn: ({ signal }): Promise<ReuseRankingPage> => unwrap(api.GET('/api/reuse/buildings', { params: { query: query! }, signal })),
    placeholderData: keepPreviousData,
    enabled: query !== null,
  });
}
