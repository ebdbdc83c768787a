import type { RequestBodyOf, ResponseOf } from '@trama/api-client';

export type OrganizationDto = ResponseOf<'getOrganization'>;
export type OrganizationPage = ResponseOf<'listOrganizations'>;
export type CreateOrganizationRequest = RequestBodyOf<'createOrganization'>;
