import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { MunicipalityDto, UpdateMunicipalityRequest } from '@trama/contracts';
import { apiRequest } from '../../../lib/api/api-client';
import { referenceKeys } from '../../../lib/reference/reference-keys';

export function updateMunicipality(istatCode: string, body: UpdateMunicipalityRequest): Promise<MunicipalityDto> {
  return apiRequest<MunicipalityDto>(`/municipalities/${encodeURIComponent(istatCode)}`, { method: 'PATCH', body });
}

/**
 * Moves a municipality to another social area. Success or conflict, the territory is reloaded
 * wherever it is shown (this page's list, map colours and area totals; the activities' filter; the
 * users' territory and assignment choices): after a 409 our copy was stale.
 */
export function useUpdateMunicipality() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ istatCode, ...body }: UpdateMunicipalityRequest & { istatCode: string }) => updateMunicipality(istatCode, body),
    onSettled: () => queryClient.invalidateQueries({ queryKey: referenceKeys.territory() }),
  });
}
