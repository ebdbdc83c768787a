/** Query keys of the collaborations feature: every query and invalidation goes through here. */
export const collaborationKeys = {
  all: ['collaborations'] as const,
  suggestionLists: () => [...collaborationKeys.all, 'suggestions'] as const,
  suggestions: (query: object) => [...collaborationKeys.suggestionLists(), query] as const,
  networks: () => [...collaborationKeys.all, 'network'] as const,
  network: (query: object) => [...collaborationKeys.networks(), query] as const,
  weights: () => [...collaborationKeys.all, 'weights'] as const,
  status: () => [...collaborationKeys.all, 'status'] as const,
};
