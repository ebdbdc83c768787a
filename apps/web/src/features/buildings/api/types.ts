import type { QueryOf, RequestBodyOf, ResponseOf } from '@trama/api-client';

export type BuildingDto = ResponseOf<'getBuilding'>;
export type BuildingPage = ResponseOf<'listBuildings'>;
export type BuildingListQuery = QueryOf<'listBuildings'>;
export type BuildingExportQuery = QueryOf<'exportBuildings'>;
export type CreateBuildingRequest = RequestBodyOf<'createBuilding'>;
export type UpdateBuildingRequest = RequestBodyOf<'updateBuilding'>;
export type MoveStageRequest = RequestBodyOf<'moveBuildingStage'>;
export type BuildingHistory = ResponseOf<'getBuildingHistory'>;
export type ExpiringBuildings = ResponseOf<'expiringBuildings'>;
export type PhotoDto = ResponseOf<'listBuildingPhotos'>[number];
