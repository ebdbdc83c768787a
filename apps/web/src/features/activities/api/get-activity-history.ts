import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/api-client';
import { activityKeys } from './activity-keys';
import type { ActivityHistoryEntry } from './types';

/** The audit entries of one activity, oldest first (created, edited, submitted, returned, approved…). */
export function getActivityHistory(id: string, signal?: AbortSignal): Promise<ActivityHistoryEntry[]> {
  return unwrap(api.GET('/api/activities/{id}/history', { params: { path: { id } }, signal }));
}

export function activityHistoryQueryOptions(id: string) {
  return queryOptions({ queryKey: activityKeys.history(id), queryFn: ({ signal }) => getActivityHistory(id, signal) });
}

export function useActivityHistory(id: string) {
  return useQuery(activityHistoryQueryOptions(id));
}
