import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/api-client';
import { activityKeys } from './activity-keys';
import type { ActivityListQuery, ActivityPage } from './types';

export function listActivities(query: ActivityListQuery, signal?: AbortSignal): Promise<ActivityPage> {
  return unwrap(api.GET('/api/activities', { params: { query }, signal }));
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
