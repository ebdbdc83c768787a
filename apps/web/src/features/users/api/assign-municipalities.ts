import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AssignMunicipalitiesRequest, UserDto } from '@trama/contracts';
import { apiRequest } from '../../../lib/api/api-client';
import { userKeys } from './user-keys';

export function assignMunicipalities(id: string, body: AssignMunicipalitiesRequest): Promise<UserDto | undefined> {
  return apiRequest<UserDto | undefined>(`/users/${encodeURIComponent(id)}/municipalities`, { method: 'PUT', body });
}

export function useAssignMunicipalities(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AssignMunicipalitiesRequest) => assignMunicipalities(id, body),
    onSuccess: (user) => {
      if (user) queryClient.setQueryData(userKeys.detail(id), user);
    },
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: userKeys.detail(id) }),
        queryClient.invalidateQueries({ queryKey: userKeys.lists() }),
      ]),
  });
}
