import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { MunicipalityDto, UpdateMunicipalityRequest } from '@trama/contracts';
import { apiRequest } from '../../../lib/api/api-client';
import { territoryKeys } from './territory-keys';

export function updateMunicipality(istatCode: string, body: UpdateMunicipalityRequest): Promise<MunicipalityDto> {
  return apiRequest<MunicipalityDto>(`/municipalities/${encodeURIComponent(istatCode)}`, { method: 'PATCH', body });
}

/**
 * Moves a municipality to another social area. Success or conflict, the territory is reloaded:
 * lists, map colours and area totals all change, and a 409 means our copy was stale.
 */
export function useUpdateMunicipality() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ istatCode, ...body }: UpdateMunicipalityRequest & { istatCode: string }) => updateMunicipality(istatCode, body),
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: territoryKeys.municipalities() }),
        queryClient.invalidateQueries({ queryKey: territoryKeys.socialAreas() }),
        queryClient.invalidateQueries({ queryKey: territoryKeys.maps() }),
      ]),
  });
}
