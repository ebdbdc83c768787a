import type { ReuseRankingQuery } from './types';

/** Query keys of the reuse feature: every query and invalidation goes through here. */
export const reuseKeys = {
  all: ['reuse'] as const,
  /** everything computed from the scores (ranking, matches, fitting buildings): refetched after a recompute */
  scored: () => [...reuseKeys.all, 'scored'] as const,
  ranking: (query: ReuseRankingQuery) => [...reuseKeys.scored(), 'ranking', query] as const,
  matches: (buildingId: string, lang: string) => [...reuseKeys.scored(), 'matches', buildingId, lang] as const,
  organizationBuildings: (organizationId: string, lang: string) => [...reuseKeys.scored(), 'organization', organizationId, lang] as const,
  weights: () => [...reuseKeys.all, 'weights'] as const,
  status: () => [...reuseKeys.all, 'status'] as const,
};
