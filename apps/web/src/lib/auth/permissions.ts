import type { Role } from '@trama/contracts';

/**
 * What the interface offers to each role. The server decides access on every request;
 * these only avoid showing controls that would be refused.
 */
export const USER_MANAGER_ROLES: readonly Role[] = ['admin', 'coordinator'];
export const TERRITORY_EDITOR_ROLES: readonly Role[] = ['admin', 'coordinator'];

export function canManageUsers(role: Role): boolean {
  return USER_MANAGER_ROLES.includes(role);
}

export function canEditTerritory(role: Role): boolean {
  return TERRITORY_EDITOR_ROLES.includes(role);
}
