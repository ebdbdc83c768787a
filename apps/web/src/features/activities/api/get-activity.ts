import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/api-client';
import { activityKeys } from './activity-keys';
import type { ActivityDto } from './types';

export function getActivity(id: string, signal?: AbortSignal): Promise<ActivityDto> {
  return unwrap(api.GET('/api/activities/{id}', { params: { path: { id } }, signal }));
}

export function activityQueryOptions(id: string) {
  return queryOptions({ queryKey: activityKeys.detail(id), queryFn: ({ signal }) => getActivity(id, signal) });
}

export function useActivity(id: string) {
  return useQuery(activityQueryOptions(id));
}
