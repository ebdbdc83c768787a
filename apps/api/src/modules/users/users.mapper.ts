import type { MunicipalityRefDto } from '../../common/http/refs.dto';
import type { SessionUserDto, UserResponseDto } from './dto/user.response';
import type { UserProfileRow } from './users.repository';

const iso = (d: Date | string | null): string | null => (d === null ? null : new Date(d).toISOString());

export function territoryOf(row: UserProfileRow): SessionUserDto['territory'] {
  if (!row.territoryCode || !row.territoryName) return null;
  return { kind: row.scopeMunicipalityId ? 'municipality' : 'social_area', code: row.territoryCode, name: row.territoryName };
}

export function tenantOf(row: UserProfileRow): SessionUserDto['tenant'] {
  return row.tenantId && row.tenantIstat && row.tenantName ? { id: row.tenantId, istatCode: row.tenantIstat, name: row.tenantName } : null;
}

/** `lockedUntil`: the running back-off of the user's e-mail for browsers it has not signed in from (see docs/sign-in.md). */
export function toUserDto(row: UserProfileRow, municipalities: MunicipalityRefDto[], lockedUntil: Date | null = null): UserResponseDto {
  return {
    id: row.id,
    email: row.email,
    fullName: row.fullName,
    role: row.role,
    active: row.active,
    lockedUntil: lockedUntil && lockedUntil > new Date() ? iso(lockedUntil) : null,
    hiredOn: row.hiredOn,
    contractEnd: row.contractEnd,
    assignedMunicipalities: row.role === 'innovator' ? municipalities : [],
    territory: territoryOf(row),
    tenant: tenantOf(row),
    lastLoginAt: iso(row.lastLoginAt),
    createdAt: iso(row.createdAt)!,
    version: Number(row.version),
  };
}

export function toSessionUser(row: UserProfileRow, municipalities: MunicipalityRefDto[]): Omit<SessionUserDto, 'passwordChangeRequired'> {
  return {
    id: row.id,
    email: row.email,
    fullName: row.fullName,
    role: row.role,
    tenant: tenantOf(row),
    assignedMunicipalities: row.role === 'innovator' ? municipalities : [],
    territory: territoryOf(row),
  };
}
