import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { ActivityListQuery, ActivityPage } from '@trama/contracts';
import { apiRequest } from '../../../lib/api/api-client';
import { activityKeys } from './activity-keys';

export function listActivities(query: ActivityListQuery, signal?: AbortSignal): Promise<ActivityPage> {
  return apiRequest<ActivityPage>('/activities', { query: { ...query }, signal });
}

export function activitiesQueryOptions(query: ActivityListQuery) {
  return queryOptions({
    queryKey: activityKeys.list(query),
    queryFn: ({ signal }) => listActivities(query, signal),
    placeholderData: keepPreviousData,
  });
}

export function useActivities(query: ActivityListQuery) {
  return useQuery(activitiesQueryOptions(query));
}
