import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/api-client';
import type { AssignMunicipalitiesRequest, UserDto } from './types';
import { userKeys } from './user-keys';

export function assignMunicipalities(id: string, body: AssignMunicipalitiesRequest): Promise<UserDto> {
  return unwrap(api.PUT('/api/users/{id}/municipalities', { params: { path: { id } }, body }));
}

export function useAssignMunicipalities(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AssignMunicipalitiesRequest) => assignMunicipalities(id, body),
    onSuccess: (user) => {
      queryClient.setQueryData(userKeys.detail(id), user);
    },
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: userKeys.detail(id) }),
        queryClient.invalidateQueries({ queryKey: userKeys.lists() }),
      ]),
  });
}
