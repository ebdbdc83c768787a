import { queryOptions, useQuery } from '@tanstack/react-query';
import type { FeatureCollection, MunicipalityFeatureProperties } from '@trama/contracts';
import { apiRequest } from '../../../lib/api/api-client';
import { activityKeys } from './activity-keys';

export type MunicipalityBoundaries = FeatureCollection<MunicipalityFeatureProperties>;

/** The (simplified) boundaries of the municipalities the caller may see, for orientation on the location picker. */
export function getMunicipalityBoundaries(signal?: AbortSignal): Promise<MunicipalityBoundaries> {
  return apiRequest<MunicipalityBoundaries>('/map/municipalities', { signal });
}

export const municipalityBoundariesQueryOptions = queryOptions({
  queryKey: activityKeys.boundaries(),
  queryFn: ({ signal }) => getMunicipalityBoundaries(signal),
  staleTime: 30 * 60_000,
});

export function useMunicipalityBoundaries() {
  return useQuery(municipalityBoundariesQueryOptions);
}
