import type { RequestBodyOf, ResponseOf } from '@trama/api-client';

export type UserDto = ResponseOf<'getUser'>;
export type UserPage = ResponseOf<'listUsers'>;
export type CreateUserRequest = RequestBodyOf<'createUser'>;
export type CreateUserResponse = ResponseOf<'createUser'>;
export type UpdateUserRequest = RequestBodyOf<'updateUser'>;
export type AssignMunicipalitiesRequest = RequestBodyOf<'assignMunicipalities'>;
export type ResetPasswordResponse = ResponseOf<'resetPassword'>;
export type TerritoryRef = NonNullable<CreateUserRequest['territory']>;
