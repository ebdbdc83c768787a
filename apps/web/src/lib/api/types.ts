import type { ResponseOf } from '@trama/api-client';

/**
 * Names for the API's shapes that several parts of the web app use, all taken from the generated
 * client (by operation, so a renamed schema class on the server changes nothing here). A feature's own
 * shapes are named in its `api/types.ts`.
 */
export type LoginResponse = ResponseOf<'login'>;
export type SessionUser = ResponseOf<'getMe'>;
export type MunicipalityRef = SessionUser['assignedMunicipalities'][number];
export type TenantRef = ResponseOf<'listTenants'>[number];
/** a municipality user's territory: one municipality, or a social area */
export type SessionTerritory = NonNullable<SessionUser['territory']>;
