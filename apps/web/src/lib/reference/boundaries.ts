import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ResponseOf } from '@trama/api-client';
import { api, unwrap } from '../api/api-client';
import { referenceKeys, type BoundaryFilter } from './reference-keys';

export type { BoundaryFilter } from './reference-keys';
export type MunicipalityBoundaries = ResponseOf<'getMunicipalityMap'>;
export type MunicipalityFeatureProperties = MunicipalityBoundaries['features'][number]['properties'];

/** The licence of the boundaries requires this credit wherever they are drawn (not translated: it is a name). */
export const BOUNDARY_ATTRIBUTION = 'ISTAT – confini amministrativi, elaborazione openpolis';

/** The (simplified) boundaries of the municipalities the caller may see, with their social area: for maps. */
export function getMunicipalityBoundaries(filter: BoundaryFilter, signal?: AbortSignal): Promise<MunicipalityBoundaries> {
  return unwrap(api.GET('/api/map/municipalities', { params: { query: { bbox: filter.bbox, socialArea: filter.socialArea } }, signal }));
}

export function boundariesQueryOptions(filter: BoundaryFilter = {}) {
  return queryOptions({
    queryKey: referenceKeys.boundariesIn(filter),
    queryFn: ({ signal }) => getMunicipalityBoundaries(filter, signal),
    staleTime: 5 * 60_000,
  });
}

/** `filter` null: nothing to ask yet (the map's extent is not known). */
export function useMunicipalityBoundaries(filter: BoundaryFilter | null = {}) {
  return useQuery({ ...boundariesQueryOptions(filter ?? {}), enabled: filter !== null });
}
