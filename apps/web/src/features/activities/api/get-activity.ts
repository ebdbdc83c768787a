import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ActivityDto } from '@trama/contracts';
import { apiRequest } from '../../../lib/api/api-client';
import { activityKeys } from './activity-keys';

export function getActivity(id: string, signal?: AbortSignal): Promise<ActivityDto> {
  return apiRequest<ActivityDto>(`/activities/${encodeURIComponent(id)}`, { signal });
}

export function activityQueryOptions(id: string) {
  return queryOptions({ queryKey: activityKeys.detail(id), queryFn: ({ signal }) => getActivity(id, signal) });
}

export function useActivity(id: string) {
  return useQuery(activityQueryOptions(id));
}
