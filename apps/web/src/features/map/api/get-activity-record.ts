import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/api-client';
import { mapKeys } from './map-keys';
import type { ActivityRecord } from './types';

export function getActivityRecord(id: string, signal?: AbortSignal): Promise<ActivityRecord> {
  return unwrap(api.GET('/api/activities/{id}', { params: { path: { id } }, signal }));
}

/** The record of a point, for the side panel. */
export function useActivityRecord(id: string | null) {
  return useQuery({
    queryKey: mapKeys.activity(id ?? ''),
    queryFn: ({ signal }) => getActivityRecord(id!, signal),
    enabled: id !== null,
  });
}
