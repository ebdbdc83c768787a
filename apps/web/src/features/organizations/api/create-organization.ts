import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/api-client';
import { organizationKeys } from './organization-keys';
import type { CreateOrganizationRequest, OrganizationDto } from './types';

export function createOrganization(body: CreateOrganizationRequest): Promise<OrganizationDto> {
  return unwrap(api.POST('/api/organizations', { body }));
}

export function useCreateOrganization() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createOrganization,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: organizationKeys.searches() }),
  });
}
