import type { Role } from '@trama/contracts';
import type { MunicipalityRef } from '../../../lib/api/types';

/** Who registers initiatives (the server checks every request: docs/initiatives.md). */
export const INITIATIVE_WRITER_ROLES: readonly Role[] = ['innovator', 'coordinator', 'admin'];

export function canCreateInitiatives(role: Role): boolean {
  return INITIATIVE_WRITER_ROLES.includes(role);
}

/** Coordinators edit every initiative of the tenant; innovators those with at least one of their municipalities. */
export function canEditInitiative(
  user: { role: Role; assignedMunicipalities: readonly MunicipalityRef[] },
  initiative: { municipalities: readonly { istatCode: string }[] },
): boolean {
  if (user.role === 'coordinator' || user.role === 'admin') return true;
  if (user.role !== 'innovator') return false;
  const mine = new Set(user.assignedMunicipalities.map((m) => m.istatCode));
  return initiative.municipalities.some((m) => mine.has(m.istatCode));
}
