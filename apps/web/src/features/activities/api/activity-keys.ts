import type { ActivityListQuery } from './types';

/** Query keys of the activities feature: every query and invalidation goes through here. */
export const activityKeys = {
  all: ['activities'] as const,
  /** every list: the filtered lists, the review queue and the count of submitted activities */
  lists: () => [...activityKeys.all, 'list'] as const,
  list: (query: ActivityListQuery) => [...activityKeys.lists(), query] as const,
  details: () => [...activityKeys.all, 'detail'] as const,
  detail: (id: string) => [...activityKeys.details(), id] as const,
  history: (id: string) => [...activityKeys.detail(id), 'history'] as const,
  attachments: (id: string) => [...activityKeys.detail(id), 'attachments'] as const,
};
