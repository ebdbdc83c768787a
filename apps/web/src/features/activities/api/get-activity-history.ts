import { queryOptions, useQuery } from '@tanstack/react-query';
import type { AuditEntryDto, Page } from '@trama/contracts';
import { apiRequest } from '../../../lib/api/api-client';
import { activityKeys } from './activity-keys';

/** The audit entries of one activity, oldest first (created, edited, submitted, returned, approved…). */
export async function getActivityHistory(id: string, signal?: AbortSignal): Promise<AuditEntryDto[]> {
  const body = await apiRequest<AuditEntryDto[] | Page<AuditEntryDto>>(`/activities/${encodeURIComponent(id)}/history`, { signal });
  return Array.isArray(body) ? body : body.items;
}

export function activityHistoryQueryOptions(id: string) {
  return queryOptions({ queryKey: activityKeys.history(id), queryFn: ({ signal }) => getActivityHistory(id, signal) });
}

export function useActivityHistory(id: string) {
  return useQuery(activityHistoryQueryOptions(id));
}
