import type { QueryOf, ResponseOf } from '@trama/api-client';

export type InnovatorHomeQuery = QueryOf<'getInnovatorHome'>;
export type CoordinatorHomeQuery = QueryOf<'getCoordinatorHome'>;
export type MunicipalityHomeQuery = QueryOf<'getMunicipalityHome'>;

export type InnovatorHomeDto = ResponseOf<'getInnovatorHome'>;
export type CoordinatorHomeDto = ResponseOf<'getCoordinatorHome'>;
export type MunicipalityHomeDto = ResponseOf<'getMunicipalityHome'>;
export type HomeCountsDto = ResponseOf<'getHomeCounts'>;
export type HomeActivity = InnovatorHomeDto['returned']['items'][number];
export type HomeActivityList = InnovatorHomeDto['returned'];
export type HomePoint = MunicipalityHomeDto['points'][number];
