import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/api-client';
import type { UpdateUserRequest, UserDto } from './types';
import { userKeys } from './user-keys';

export function updateUser(id: string, body: UpdateUserRequest): Promise<UserDto> {
  return unwrap(api.PATCH('/api/users/{id}', { params: { path: { id } }, body }));
}

/** Edits a user (name, contract dates, territory) or (de)activates them; `version` guards against lost updates. */
export function useUpdateUser(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateUserRequest) => updateUser(id, body),
    onSuccess: (user) => {
      queryClient.setQueryData(userKeys.detail(id), user);
    },
    // After a success the list changed; after a 409 our copy is stale: reload both.
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: userKeys.detail(id) }),
        queryClient.invalidateQueries({ queryKey: userKeys.lists() }),
      ]),
  });
}
