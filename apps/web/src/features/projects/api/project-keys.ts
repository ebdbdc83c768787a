import type { ProjectListQuery } from './types';

/** Query keys of the projects feature: every query and invalidation goes through here. */
export const projectKeys = {
  all: ['projects'] as const,
  lists: () => [...projectKeys.all, 'list'] as const,
  list: (query: ProjectListQuery) => [...projectKeys.lists(), query] as const,
  details: () => [...projectKeys.all, 'detail'] as const,
  detail: (id: string) => [...projectKeys.details(), id] as const,
  history: (id: string) => [...projectKeys.detail(id), 'history'] as const,
};
