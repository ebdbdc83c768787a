import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/api-client';
import { mapKeys } from './map-keys';
import type { ActivitiesLayerQuery, LayerCollection } from './types';

export function getActivitiesLayer(query: ActivitiesLayerQuery, signal?: AbortSignal): Promise<LayerCollection> {
  return unwrap(api.GET('/api/map/layers/activities', { params: { query }, signal }));
}

/** The activities layer for a viewport (null: not known yet); the previous answer stays drawn while the next loads. */
export function useActivitiesLayer(query: ActivitiesLayerQuery | null) {
  return useQuery({
    ...queryOptions({
      queryKey: mapKeys.activitiesLayer(query ?? { bbox: '', zoom: 0 }),
      queryFn: ({ signal }) => getActivitiesLayer(query!, signal),
      placeholderData: keepPreviousData,
      staleTime: 30_000,
    }),
    enabled: query !== null,
  });
}
