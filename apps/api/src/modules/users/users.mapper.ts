import type { MunicipalityRef, SessionUser, UserDto } from '@trama/contracts';
import type { UserProfileRow } from './users.repository';

const iso = (d: Date | string | null): string | null => (d === null ? null : new Date(d).toISOString());

export function territoryOf(row: UserProfileRow): SessionUser['territory'] {
  if (!row.territoryCode || !row.territoryName) return null;
  return { kind: row.scopeMunicipalityId ? 'municipality' : 'social_area', code: row.territoryCode, name: row.territoryName };
}

export function tenantOf(row: UserProfileRow): SessionUser['tenant'] {
  return row.tenantId && row.tenantIstat && row.tenantName ? { id: row.tenantId, istatCode: row.tenantIstat, name: row.tenantName } : null;
}

/** `lockedUntil`: the running back-off of the user's e-mail for browsers it has not signed in from (see docs/sign-in.md). */
export function toUserDto(row: UserProfileRow, municipalities: MunicipalityRef[], lockedUntil: Date | null = null): UserDto {
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

export function toSessionUser(row: UserProfileRow, municipalities: MunicipalityRef[]): SessionUser {
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
