import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { Page, UserDto } from '@trama/contracts';
import { apiRequest } from '../../../lib/api/api-client';
import { userKeys, type UserListFilter } from './user-keys';

export function listUsers(filter: UserListFilter, signal?: AbortSignal): Promise<Page<UserDto>> {
  return apiRequest<Page<UserDto>>('/users', { query: { ...filter }, signal });
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
