import type { QueryOf, RequestBodyOf, ResponseOf } from '@trama/api-client';

export type ReuseRankingPage = ResponseOf<'listReuseRanking'>;
export type ReuseRanked = ReuseRankingPage['items'][number];
export type ReuseRankingQuery = QueryOf<'listReuseRanking'>;
export type ReuseWeightsResponse = ResponseOf<'getReuseWeights'>;
export type ReuseWeightsRequest = RequestBodyOf<'putReuseWeights'>;
export type ReuseStatus = ResponseOf<'getReuseStatus'>;
export type ReuseBuildingMatches = ResponseOf<'getReuseMatches'>;
export type ReuseOrganizationBuildings = ResponseOf<'getReuseOrganizationBuildings'>;
export type ReusePlan = ResponseOf<'planReuse'>;
