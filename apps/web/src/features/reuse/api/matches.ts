import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/api-client';
import { useLang } from './language';
import { reuseKeys } from './reuse-keys';
import type { ReuseBuildingMatches, ReuseOrganizationBuildings, ReusePlan } from './types';

/** GET /reuse/buildings/:id/matches: the building's score and the organizations that could use it. */
export function useBuildingMatches(buildingId: string) {
  const lang = useLang();
  return useQuery({
    queryKey: reuseKeys.matches(buildingId, lang),
    queryFn: ({ signal }): Promise<ReuseBuildingMatches> =>
      unwrap(api.GET('/api/reuse/buildings/{id}/matches', { params: { path: { id: buildingId }, query: { lang } }, signal })),
  });
}

/** GET /reuse/organizations/:id/buildings: the buildings that fit an organization. */
export function useOrganizationBuildings(organizationId: string) {
  const lang = useLang();
  return useQuery({
    queryKey: reuseKeys.organizationBuildings(organizationId, lang),
    queryFn: ({ signal }): Promise<ReuseOrganizationBuildings> =>
      unwrap(api.GET('/api/reuse/organizations/{id}/buildings', { params: { path: { id: organizationId }, query: { lang } }, signal })),
  });
}

/** POST /reuse/buildings/:id/propose: the match becomes the building's next step (stage planned). */
export function useProposeMatch(buildingId: string, onDone?: () => void) {
  const lang = useLang();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { organization: string; version: number }) =>
      unwrap(api.POST('/api/reuse/buildings/{id}/propose', { params: { path: { id: buildingId }, query: { lang } }, body })),
    onSettled: () => {
      onDone?.();
      return queryClient.invalidateQueries({ queryKey: reuseKeys.all });
    },
  });
}

/** POST /reuse/plan: the assignment maximising the total fit for these buildings (a proposal; nothing is written). */
export function usePlan() {
  const lang = useLang();
  return useMutation({
    mutationFn: (buildings: string[]): Promise<ReusePlan> => unwrap(api.POST('/api/reuse/plan', { params: { query: { lang } }, body: { buildings } })),
  });
}
