import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/api-client';
import type { CreateUserRequest, CreateUserResponse } from './types';
import { userKeys } from './user-keys';

export function createUser(body: CreateUserRequest): Promise<CreateUserResponse> {
  return unwrap(api.POST('/api/users', { body }));
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createUser,
    onSuccess: (response) => {
      queryClient.setQueryData(userKeys.detail(response.user.id), response.user);
      return queryClient.invalidateQueries({ queryKey: userKeys.lists() });
    },
  });
}
