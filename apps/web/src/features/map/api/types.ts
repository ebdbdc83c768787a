import type { QueryOf, ResponseOf } from '@trama/api-client';

/** The map's shapes, named from the generated client (by operation). */
export type LayerCollection = ResponseOf<'getActivitiesLayer'>;
export type LayerFeature = LayerCollection['features'][number];
export type ActivitiesLayerQuery = QueryOf<'getActivitiesLayer'>;
export type ActivitiesInViewQuery = QueryOf<'listActivities'>;
export type ActivitiesPage = ResponseOf<'listActivities'>;
export type ActivityRecord = ResponseOf<'getActivity'>;
export type BuildingsLayerQuery = QueryOf<'getBuildingsLayer'>;
export type BuildingsInViewQuery = QueryOf<'listBuildings'>;
export type BuildingsPage = ResponseOf<'listBuildings'>;
export type BuildingRecord = ResponseOf<'getBuilding'>;
