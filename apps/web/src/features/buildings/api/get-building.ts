import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/api-client';
import { buildingKeys } from './building-keys';
import type { BuildingDto, BuildingHistory } from './types';

export function getBuilding(id: string, signal?: AbortSignal): Promise<BuildingDto> {
  return unwrap(api.GET('/api/buildings/{id}', { params: { path: { id } }, signal }));
}

export function useBuilding(id: string) {
  return useQuery({ queryKey: buildingKeys.detail(id), queryFn: ({ signal }) => getBuilding(id, signal) });
}

/** GET /buildings/:id/history: the stage timeline and (staff) the audit entries. */
export function useBuildingHistory(id: string) {
  return useQuery({
    queryKey: buildingKeys.history(id),
    queryFn: ({ signal }): Promise<BuildingHistory> => unwrap(api.GET('/api/buildings/{id}/history', { params: { path: { id } }, signal })),
  });
}
