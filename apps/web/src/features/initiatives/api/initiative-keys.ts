import type { InitiativeListQuery } from './types';

/** Query keys of the initiatives feature: every query and invalidation goes through here. */
export const initiativeKeys = {
  all: ['initiatives'] as const,
  lists: () => [...initiativeKeys.all, 'list'] as const,
  list: (query: InitiativeListQuery) => [...initiativeKeys.lists(), query] as const,
  details: () => [...initiativeKeys.all, 'detail'] as const,
  detail: (id: string) => [...initiativeKeys.details(), id] as const,
  history: (id: string) => [...initiativeKeys.detail(id), 'history'] as const,
};
