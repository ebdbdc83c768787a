import type { ActivitiesLayerQuery, ActivitiesInViewQuery } from './types';

/** Query keys of the map feature: every query goes through here. */
export const mapKeys = {
  all: ['map'] as const,
  layers: () => [...mapKeys.all, 'layer'] as const,
  activitiesLayer: (query: ActivitiesLayerQuery) => [...mapKeys.layers(), 'activities', query] as const,
  lists: () => [...mapKeys.all, 'list'] as const,
  activitiesInView: (query: ActivitiesInViewQuery) => [...mapKeys.lists(), 'activities', query] as const,
  records: () => [...mapKeys.all, 'record'] as const,
  activity: (id: string) => [...mapKeys.records(), 'activities', id] as const,
};
