import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateOrganizationRequest, OrganizationDto } from '@trama/contracts';
import { apiRequest } from '../../../lib/api/api-client';
import { organizationKeys } from './organization-keys';

export function createOrganization(body: CreateOrganizationRequest): Promise<OrganizationDto> {
  return apiRequest<OrganizationDto>('/organizations', { method: 'POST', body });
}

export function useCreateOrganization() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createOrganization,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: organizationKeys.searches() }),
  });
}
