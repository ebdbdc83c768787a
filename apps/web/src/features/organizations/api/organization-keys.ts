/** Query keys of the organizations feature: every query and invalidation goes through here. */
export const organizationKeys = {
  all: ['organizations'] as const,
  searches: () => [...organizationKeys.all, 'search'] as const,
  search: (q: string) => [...organizationKeys.searches(), q] as const,
  lists: () => [...organizationKeys.all, 'list'] as const,
  list: (query: object) => [...organizationKeys.lists(), query] as const,
  stale: (query: object) => [...organizationKeys.all, 'stale', query] as const,
  details: () => [...organizationKeys.all, 'detail'] as const,
  detail: (id: string) => [...organizationKeys.details(), id] as const,
  history: (id: string) => [...organizationKeys.all, 'history', id] as const,
  activities: (id: string) => [...organizationKeys.all, 'activities', id] as const,
};
