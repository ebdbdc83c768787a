import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/api-client';
import { mapKeys } from './map-keys';
import type { BuildingRecord, BuildingsInViewQuery, BuildingsLayerQuery, BuildingsPage, LayerCollection } from './types';

export function getBuildingsLayer(query: BuildingsLayerQuery, signal?: AbortSignal): Promise<LayerCollection> {
  return unwrap(api.GET('/api/map/layers/buildings', { params: { query }, signal }));
}

/** The buildings layer for a viewport (null: not known yet or layer hidden). */
export function useBuildingsLayer(query: BuildingsLayerQuery | null) {
  return useQuery({
    queryKey: mapKeys.buildingsLayer(query ?? { bbox: '', zoom: 0 }),
    queryFn: ({ signal }) => getBuildingsLayer(query!, signal),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
    enabled: query !== null,
  });
}

/** The buildings list with the map's filters and bbox: the list of exactly what the map shows. */
export function useBuildingsInView(query: BuildingsInViewQuery | null) {
  return useQuery({
    queryKey: mapKeys.buildingsInView(query ?? {}),
    queryFn: ({ signal }): Promise<BuildingsPage> => unwrap(api.GET('/api/buildings', { params: { query: query! }, signal })),
    placeholderData: keepPreviousData,
    enabled: query !== null,
  });
}

/** A building for the side panel. */
export function useBuildingRecord(id: string | null) {
  return useQuery({
    queryKey: mapKeys.building(id ?? ''),
    queryFn: ({ signal }): Promise<BuildingRecord> => unwrap(api.GET('/api/buildings/{id}', { params: { path: { id: id! } }, signal })),
    enabled: id !== null,
  });
}
