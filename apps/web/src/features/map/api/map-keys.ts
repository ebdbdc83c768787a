import type { ActivitiesInViewQuery, ActivitiesLayerQuery, BuildingsInViewQuery, BuildingsLayerQuery } from './types';

/** Query keys of the map feature: every query goes through here. */
export const mapKeys = {
  all: ['map'] as const,
  layers: () => [...mapKeys.all, 'layer'] as const,
  activitiesLayer: (query: ActivitiesLayerQuery) => [...mapKeys.layers(), 'activities', query] as const,
  buildingsLayer: (query: BuildingsLayerQuery) => [...mapKeys.layers(), 'buildings', query] as const,
  lists: () => [...mapKeys.all, 'list'] as const,
  activitiesInView: (query: ActivitiesInViewQuery) => [...mapKeys.lists(), 'activities', query] as const,
  buildingsInView: (query: BuildingsInViewQuery) => [...mapKeys.lists(), 'buildings', query] as const,
  records: () => [...mapKeys.all, 'record'] as const,
  activity: (id: string) => [...mapKeys.records(), 'activities', id] as const,
  building: (id: string) => [...mapKeys.records(), 'buildings', id] as const,
};
