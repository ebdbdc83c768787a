import { queryOptions, useQuery } from '@tanstack/react-query';
import type { UserDto } from '@trama/contracts';
import { apiRequest } from '../../../lib/api/api-client';
import { userKeys } from './user-keys';

export function getUser(id: string, signal?: AbortSignal): Promise<UserDto> {
  return apiRequest<UserDto>(`/users/${encodeURIComponent(id)}`, { signal });
}

export function userQueryOptions(id: string) {
  return queryOptions({ queryKey: userKeys.detail(id), queryFn: ({ signal }) => getUser(id, signal) });
}

export function useUser(id: string) {
  return useQuery(userQueryOptions(id));
}
