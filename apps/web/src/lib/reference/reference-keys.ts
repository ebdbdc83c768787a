/**
 * Query keys of the reference data that many features show: the territory (municipalities, social
 * areas, boundaries), the tenants and the public configuration. One factory for all of them, so that
 * a change of the territory (a municipality moved to another social area) reaches every view of it
 * through one invalidation: `referenceKeys.territory()`.
 */
export const referenceKeys = {
  all: ['reference'] as const,
  /** the deployment's public settings (map tiles): they do not change while the app runs */
  config: () => [...referenceKeys.all, 'config'] as const,
  /** the metropolitan cities (tenants) an admin may choose from */
  tenants: () => [...referenceKeys.all, 'tenants'] as const,
  /** everything that changes when a municipality moves: lists, options, areas' totals, maps */
  territory: () => [...referenceKeys.all, 'territory'] as const,
  municipalities: () => [...referenceKeys.territory(), 'municipalities'] as const,
  socialAreas: () => [...referenceKeys.territory(), 'social-areas'] as const,
  boundaries: () => [...referenceKeys.territory(), 'boundaries'] as const,
  boundariesIn: (filter: BoundaryFilter) => [...referenceKeys.boundaries(), filter] as const,
};

export interface BoundaryFilter {
  /** minLon,minLat,maxLon,maxLat; absent: every municipality the caller may see */
  bbox?: string;
  socialArea?: string;
}
