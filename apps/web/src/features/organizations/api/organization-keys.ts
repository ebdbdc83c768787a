/** Query keys of the organizations feature: every query and invalidation goes through here. */
export const organizationKeys = {
  all: ['organizations'] as const,
  searches: () => [...organizationKeys.all, 'search'] as const,
  search: (q: string) => [...organizationKeys.searches(), q] as const,
};
