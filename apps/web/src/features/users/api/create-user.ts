import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateUserRequest, CreateUserResponse } from '@trama/contracts';
import { apiRequest } from '../../../lib/api/api-client';
import { userKeys } from './user-keys';

export function createUser(body: CreateUserRequest): Promise<CreateUserResponse> {
  return apiRequest<CreateUserResponse>('/users', { method: 'POST', body });
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
