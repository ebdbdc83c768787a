import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/api-client';
import { collaborationKeys } from './collaboration-keys';
import type { NetworkQuery } from './types';

/** GET /collaborations/network: organizations, their links and the suggested links (at most `maxNodes`, the most linked). */
export function useNetwork(query: NetworkQuery) {
  return useQuery({
    queryKey: collaborationKeys.network(query),
    queryFn: ({ signal }) => unwrap(api.GET('/api/collaborations/network', { params: { query }, signal })),
  });
}
