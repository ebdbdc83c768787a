import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/api-client';
import { buildingKeys } from './building-keys';
import type { BuildingDto, CreateBuildingRequest, MoveStageRequest, UpdateBuildingRequest } from './types';

function useAfterWrite() {
  const queryClient = useQueryClient();
  return {
    onSuccess: (building: BuildingDto) => queryClient.setQueryData(buildingKeys.detail(building.id), building),
    onSettled: (building: BuildingDto | undefined) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: buildingKeys.lists() }),
        building ? queryClient.invalidateQueries({ queryKey: buildingKeys.history(building.id) }) : null,
      ]),
  };
}

/** POST /buildings (idempotent by clientId: a retry of the same body returns the same building). */
export function useCreateBuilding() {
  const after = useAfterWrite();
  return useMutation({ mutationFn: (body: CreateBuildingRequest) => unwrap(api.POST('/api/buildings', { body })), ...after });
}

/** PATCH /buildings/:id at the version loaded (409 STALE_VERSION otherwise). */
export function useUpdateBuilding(id: string) {
  const after = useAfterWrite();
  return useMutation({
    mutationFn: (body: UpdateBuildingRequest) => unwrap(api.PATCH('/api/buildings/{id}', { params: { path: { id } }, body })),
    ...after,
  });
}

/** POST /buildings/:id/stage: one move of the reuse pipeline. */
export function useMoveStage(id: string) {
  const after = useAfterWrite();
  return useMutation({
    mutationFn: (body: MoveStageRequest) => unwrap(api.POST('/api/buildings/{id}/stage', { params: { path: { id } }, body })),
    ...after,
  });
}

/** POST /buildings/:id/verify: "verified on site". */
export function useVerifyBuilding(id: string) {
  const after = useAfterWrite();
  return useMutation({
    mutationFn: (version: number) => unwrap(api.POST('/api/buildings/{id}/verify', { params: { path: { id } }, body: { version } })),
    ...after,
  });
}
