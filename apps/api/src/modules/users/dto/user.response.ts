import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { MAX_PAGE_SIZE, ROLES, type Role } from '@trama/contracts';
import {
  ApiArray,
  ApiCode,
  ApiCount,
  ApiDate,
  ApiDateTime,
  ApiEnum,
  ApiInt,
  ApiText,
  ApiUuid,
  ApiVersion,
  EMAIL_LENGTH,
  INT32_MAX,
  NAME_LENGTH,
  SOCIAL_AREA_CODE_PATTERN,
} from '../../../common/http/api-schema';
import { MunicipalityRefDto, TenantRefDto } from '../../../common/http/refs.dto';
import { MAX_ASSIGNED_MUNICIPALITIES } from './create-user.dto';

/* Response shapes of /api/users and /api/auth/me: what UsersService returns, property by property. */

export const TERRITORY_KINDS = ['municipality', 'social_area'] as const;

/** The territory of a municipality user: one municipality, or one social area. */
@ApiSchema({ name: 'UserTerritory' })
export class SessionTerritoryDto {
  @ApiEnum(TERRITORY_KINDS, 'TerritoryKind') kind: 'municipality' | 'social_area';
  @ApiCode(SOCIAL_AREA_CODE_PATTERN, 64, { description: 'ISTAT code of the municipality, or code of the social area' }) code: string;
  @ApiText(NAME_LENGTH) name: string;
}

@ApiSchema({ name: 'SessionUser' })
export class SessionUserDto {
  @ApiUuid() id: string;
  @ApiText(EMAIL_LENGTH, { format: 'email' }) email: string;
  @ApiText(NAME_LENGTH) fullName: string;
  @ApiEnum(ROLES, 'Role') role: Role;
  @ApiProperty({ type: () => TenantRefDto, nullable: true, description: 'null for platform admins' }) tenant: TenantRefDto | null;
  @ApiArray(MunicipalityRefDto, MAX_ASSIGNED_MUNICIPALITIES, { description: 'innovators: the municipalities assigned to them' })
  assignedMunicipalities: MunicipalityRefDto[];
  @ApiProperty({ type: () => SessionTerritoryDto, nullable: true, description: 'municipality users: the territory they may see' })
  territory: SessionTerritoryDto | null;
  @ApiProperty({
    required: false,
    description:
      'true: signed in with a temporary password (set by a coordinator or an admin): every route but me, the password change and sign-out answers 403 PASSWORD_CHANGE_REQUIRED until it is changed. The API always sends it; optional for older clients and fixtures',
  })
  passwordChangeRequired?: boolean;
}

@ApiSchema({ name: 'User' })
export class UserResponseDto {
  @ApiUuid() id: string;
  @ApiText(EMAIL_LENGTH, { format: 'email' }) email: string;
  @ApiText(NAME_LENGTH) fullName: string;
  @ApiEnum(ROLES, 'Role') role: Role;
  @ApiProperty() active: boolean;
  @ApiDateTime({ nullable: true, description: 'locked after too many failed sign-ins, until then' }) lockedUntil: string | null;
  @ApiDate({ nullable: true }) hiredOn: string | null;
  @ApiDate({ nullable: true }) contractEnd: string | null;
  @ApiArray(MunicipalityRefDto, MAX_ASSIGNED_MUNICIPALITIES) assignedMunicipalities: MunicipalityRefDto[];
  @ApiProperty({ type: () => SessionTerritoryDto, nullable: true }) territory: SessionTerritoryDto | null;
  @ApiProperty({ type: () => TenantRefDto, nullable: true, description: 'the tenant the user belongs to; null for platform admins' })
  tenant: TenantRefDto | null;
  @ApiDateTime({ nullable: true }) lastLoginAt: string | null;
  @ApiDateTime() createdAt: string;
  @ApiVersion() version: number;
}

@ApiSchema({ name: 'UserPage' })
export class UsersPageDto {
  @ApiArray(UserResponseDto, MAX_PAGE_SIZE) items: UserResponseDto[];
  @ApiCount() total: number;
  @ApiInt(1, INT32_MAX) page: number;
  @ApiInt(1, MAX_PAGE_SIZE) pageSize: number;
}

/** A generated temporary password: four groups of four letters or digits. */
const TEMPORARY_PASSWORD = { pattern: '^[A-Za-z0-9]{4}(-[A-Za-z0-9]{4}){3}$', format: 'password' };

@ApiSchema({ name: 'CreateUserResponse' })
export class CreateUserResponseDto {
  @ApiProperty({ type: () => UserResponseDto }) user: UserResponseDto;
  @ApiText(19, {
    ...TEMPORARY_PASSWORD,
    required: false,
    description: 'Only when the server generated the password: shown once, never stored in clear',
  })
  temporaryPassword?: string;
}

@ApiSchema({ name: 'ResetPasswordResponse' })
export class ResetPasswordResponseDto {
  @ApiText(19, {
    ...TEMPORARY_PASSWORD,
    description: 'Shown once; the user must change it at the next sign-in (it expires after TEMP_PASSWORD_DAYS)',
  })
  temporaryPassword: string;
}
