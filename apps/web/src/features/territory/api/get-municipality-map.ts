import { queryOptions, useQuery } from '@tanstack/react-query';
import type { FeatureCollection, MunicipalityFeatureProperties } from '@trama/contracts';
import { apiRequest } from '../../../lib/api/api-client';
import { territoryKeys } from './territory-keys';

export type MunicipalityFeatures = FeatureCollection<MunicipalityFeatureProperties>;

export interface MapFilter {
  /** minLon,minLat,maxLon,maxLat */
  bbox: string;
  socialArea?: string;
}

export function getMunicipalityMap(filter: MapFilter, signal?: AbortSignal): Promise<MunicipalityFeatures> {
  return apiRequest<MunicipalityFeatures>('/map/municipalities', { query: { bbox: filter.bbox, socialArea: filter.socialArea }, signal });
}

export function municipalityMapQueryOptions(filter: MapFilter) {
  return queryOptions({
    queryKey: territoryKeys.map(filter),
    queryFn: ({ signal }) => getMunicipalityMap(filter, signal),
    staleTime: 5 * 60_000,
  });
}

export function useMunicipalityMap(filter: MapFilter | null) {
  return useQuery({ ...municipalityMapQueryOptions(filter ?? { bbox: '' }), enabled: filter !== null });
}
