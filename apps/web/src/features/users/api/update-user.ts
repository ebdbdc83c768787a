import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { UpdateUserRequest, UserDto } from '@trama/contracts';
import { apiRequest } from '../../../lib/api/api-client';
import { userKeys } from './user-keys';

export function updateUser(id: string, body: UpdateUserRequest): Promise<UserDto> {
  return apiRequest<UserDto>(`/users/${encodeURIComponent(id)}`, { method: 'PATCH', body });
}

/** Edits a user (name, contract dates, territory) or (de)activates them; `version` guards against lost updates. */
export function useUpdateUser(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateUserRequest) => updateUser(id, body),
    onSuccess: (user) => {
      if (user) queryClient.setQueryData(userKeys.detail(id), user);
    },
    // After a success the list changed; after a 409 our copy is stale: reload both.
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: userKeys.detail(id) }),
        queryClient.invalidateQueries({ queryKey: userKeys.lists() }),
      ]),
  });
}
