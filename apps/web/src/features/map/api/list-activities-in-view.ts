import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/api-client';
import { mapKeys } from './map-keys';
import type { ActivitiesInViewQuery, ActivitiesPage } from './types';

/** The activities list with the map's filters and bbox: the list of exactly what the map shows. */
export function listActivitiesInView(query: ActivitiesInViewQuery, signal?: AbortSignal): Promise<ActivitiesPage> {
  return unwrap(api.GET('/api/activities', { params: { query }, signal }));
}

export function useActivitiesInView(query: ActivitiesInViewQuery | null) {
  return useQuery({
    queryKey: mapKeys.activitiesInView(query ?? {}),
    queryFn: ({ signal }) => listActivitiesInView(query!, signal),
    placeholderData: keepPreviousData,
    enabled: query !== null,
  });
}
