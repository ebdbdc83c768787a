import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { RequestBodyOf } from '@trama/api-client';
import { api, unwrap } from '../../../lib/api/api-client';
import type { MunicipalityDto } from '../../../lib/reference/municipalities';
import { referenceKeys } from '../../../lib/reference/reference-keys';

export type UpdateMunicipalityRequest = RequestBodyOf<'updateMunicipality'>;

export function updateMunicipality(istatCode: string, body: UpdateMunicipalityRequest): Promise<MunicipalityDto> {
  return unwrap(api.PATCH('/api/municipalities/{istatCode}', { params: { path: { istatCode } }, body }));
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
