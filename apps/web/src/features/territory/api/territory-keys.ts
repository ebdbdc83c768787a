/** Query keys of the territory feature: every query and invalidation goes through here. */
export const territoryKeys = {
  all: ['territory'] as const,
  config: () => [...territoryKeys.all, 'config'] as const,
  socialAreas: () => [...territoryKeys.all, 'social-areas'] as const,
  municipalities: () => [...territoryKeys.all, 'municipalities'] as const,
  municipalityList: (filter: { socialArea?: string }) => [...territoryKeys.municipalities(), 'list', filter] as const,
  municipality: (istatCode: string) => [...territoryKeys.municipalities(), 'detail', istatCode] as const,
  maps: () => [...territoryKeys.all, 'map'] as const,
  map: (filter: { bbox: string; socialArea?: string }) => [...territoryKeys.maps(), filter] as const,
};
