import { ApiProperty } from '@nestjs/swagger';
import {
  ROLES,
  type CreateUserResponse,
  type MunicipalityRef,
  type Page,
  type ResetPasswordResponse,
  type Role,
  type SessionUser,
  type TenantRef,
  type UserDto,
} from '@trama/contracts';

/* Response shapes for the OpenAPI document. Services return the plain contract types; these classes only describe them. */

export class TenantRefDto implements TenantRef {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '272' }) istatCode: string;
  @ApiProperty({ example: 'Città Metropolitana di Bari' }) name: string;
}

export class MunicipalityRefDto implements MunicipalityRef {
  @ApiProperty({ example: '072029' }) istatCode: string;
  @ApiProperty({ example: 'Molfetta' }) name: string;
}

export class SessionTerritoryDto {
  @ApiProperty({ enum: ['municipality', 'social_area'] }) kind: 'municipality' | 'social_area';
  @ApiProperty() code: string;
  @ApiProperty() name: string;
}

export class SessionUserDto implements SessionUser {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() email: string;
  @ApiProperty() fullName: string;
  @ApiProperty({ enum: ROLES }) role: Role;
  @ApiProperty({ type: TenantRefDto, nullable: true }) tenant: TenantRef | null;
  @ApiProperty({ type: [MunicipalityRefDto] }) assignedMunicipalities: MunicipalityRef[];
  @ApiProperty({ type: SessionTerritoryDto, nullable: true }) territory: SessionUser['territory'];
}

export class UserResponseDto implements UserDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() email: string;
  @ApiProperty() fullName: string;
  @ApiProperty({ enum: ROLES }) role: Role;
  @ApiProperty() active: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lockedUntil: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) hiredOn: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) contractEnd: string | null;
  @ApiProperty({ type: [MunicipalityRefDto] }) assignedMunicipalities: MunicipalityRef[];
  @ApiProperty({ type: SessionTerritoryDto, nullable: true }) territory: UserDto['territory'];
  @ApiProperty({ type: TenantRefDto, nullable: true }) tenant: TenantRef | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastLoginAt: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty() version: number;
}

export class UsersPageDto implements Page<UserDto> {
  @ApiProperty({ type: [UserResponseDto] }) items: UserDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export class CreateUserResponseDto implements CreateUserResponse {
  @ApiProperty({ type: UserResponseDto }) user: UserDto;
  @ApiProperty({ required: false, description: 'Only when the server generated the password: shown once, never stored in clear' })
  temporaryPassword?: string;
}

export class ResetPasswordResponseDto implements ResetPasswordResponse {
  @ApiProperty({ description: 'Shown once; the user should change it after signing in' }) temporaryPassword: string;
}
