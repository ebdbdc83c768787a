import type { CoordinatorHomeQuery, InnovatorHomeQuery, MunicipalityHomeQuery } from './types';

/**
 * Query keys of the homes and the navigation's badges. Every mutation of the app invalidates
 * `homeKeys.all` (app/providers.tsx): a submit, an approval or a return changes what a home counts.
 */
export const homeKeys = {
  all: ['home'] as const,
  innovator: (query: InnovatorHomeQuery) => [...homeKeys.all, 'innovator', query] as const,
  coordinator: (query: CoordinatorHomeQuery) => [...homeKeys.all, 'coordinator', query] as const,
  municipality: (query: MunicipalityHomeQuery) => [...homeKeys.all, 'municipality', query] as const,
  counts: () => [...homeKeys.all, 'counts'] as const,
};
