import type { QueryOf, RequestBodyOf, ResponseOf } from '@trama/api-client';

export type OrganizationDto = ResponseOf<'getOrganization'>;
export type OrganizationPage = ResponseOf<'listOrganizations'>;
export type OrganizationListQuery = QueryOf<'listOrganizations'>;
export type CreateOrganizationRequest = RequestBodyOf<'createOrganization'>;
export type UpdateOrganizationRequest = RequestBodyOf<'updateOrganization'>;
export type OrganizationHistoryEntry = ResponseOf<'getOrganizationHistory'>[number];
export type DuplicatesAnswer = ResponseOf<'findOrganizationDuplicates'>;
export type DuplicateCandidate = DuplicatesAnswer['candidates'][number];
export type ImportReport = ResponseOf<'importOrganizations'>;
