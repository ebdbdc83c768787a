import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/api-client';
import type { UserDto } from './types';
import { userKeys } from './user-keys';

export function getUser(id: string, signal?: AbortSignal): Promise<UserDto> {
  return unwrap(api.GET('/api/users/{id}', { params: { path: { id } }, signal }));
}

export function userQueryOptions(id: string) {
  return queryOptions({ queryKey: userKeys.detail(id), queryFn: ({ signal }) => getUser(id, signal) });
}

export function useUser(id: string) {
  return useQuery(userQueryOptions(id));
}
