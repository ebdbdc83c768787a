import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/api-client';
import type { UserPage } from './types';
import { userKeys, type UserListFilter } from './user-keys';

export function listUsers(filter: UserListFilter, signal?: AbortSignal): Promise<UserPage> {
  const { active, ...rest } = filter;
  const query = { ...rest, active: active === undefined ? undefined : active === 'true' };
  return unwrap(api.GET('/api/users', { params: { query }, signal }));
}

export function usersQueryOptions(filter: UserListFilter) {
  return queryOptions({
    queryKey: userKeys.list(filter),
    queryFn: ({ signal }) => listUsers(filter, signal),
    placeholderData: keepPreviousData,
  });
}

export function useUsers(filter: UserListFilter) {
  return useQuery(usersQueryOptions(filter));
}
