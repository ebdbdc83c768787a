import type { Role } from '@trama/contracts';

export interface UserListFilter {
  role?: Role;
  q?: string;
  /** 'true' | 'false'; absent for everyone */
  active?: 'true' | 'false';
  page: number;
  pageSize: number;
}

/** Query keys of the users feature: every query and invalidation goes through here. */
export const userKeys = {
  all: ['users'] as const,
  lists: () => [...userKeys.all, 'list'] as const,
  list: (filter: UserListFilter) => [...userKeys.lists(), filter] as const,
  details: () => [...userKeys.all, 'detail'] as const,
  detail: (id: string) => [...userKeys.details(), id] as const,
};
