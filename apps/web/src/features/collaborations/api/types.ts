import type { QueryOf, RequestBodyOf, ResponseOf } from '@trama/api-client';

export type SuggestionsPage = ResponseOf<'listSuggestions'>;
export type Suggestion = SuggestionsPage['items'][number];
export type SuggestionReason = Suggestion['reasons'][number];
export type SuggestionsQuery = QueryOf<'listSuggestions'>;
export type AcceptAnswer = ResponseOf<'acceptSuggestion'>;
export type NetworkAnswer = ResponseOf<'getNetwork'>;
export type NetworkQuery = QueryOf<'getNetwork'>;
export type CollaborationWeights = ResponseOf<'getCollaborationWeights'>;
export type UpdateWeightsRequest = RequestBodyOf<'updateCollaborationWeights'>;
export type CollaborationStatus = ResponseOf<'getCollaborationStatus'>;
