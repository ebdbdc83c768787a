import type { QueryOf, RequestBodyOf, ResponseOf } from '@trama/api-client';

/** The initiatives' shapes, named from the generated client (by operation). */
export type InitiativeDto = ResponseOf<'getInitiative'>;
export type InitiativePage = ResponseOf<'listInitiatives'>;
export type InitiativeHistory = ResponseOf<'getInitiativeHistory'>;
export type CreateInitiativeRequest = RequestBodyOf<'createInitiative'>;
export type UpdateInitiativeRequest = RequestBodyOf<'updateInitiative'>;
export type ChangeInitiativeStatusRequest = RequestBodyOf<'changeInitiativeStatus'>;
export type InitiativeListQuery = QueryOf<'listInitiatives'>;
export type InitiativeExportQuery = QueryOf<'exportInitiatives'>;
