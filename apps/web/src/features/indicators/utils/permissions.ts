import type { Role } from '@trama/contracts';

/** Who manages definitions and validates values (the server decides; the web only hides what it would refuse). */
export const INDICATOR_MANAGER_ROLES: readonly Role[] = ['coordinator'];
/** Who enters manual values (as drafts, validated by a coordinator; a coordinator's own entries too). */
export const INDICATOR_VALUE_AUTHOR_ROLES: readonly Role[] = ['coordinator', 'innovator'];

export const canManageIndicators = (role: Role) => INDICATOR_MANAGER_ROLES.includes(role);
export const canEnterValues = (role: Role) => INDICATOR_VALUE_AUTHOR_ROLES.includes(role);
export const canSeeDrafts = (role: Role) => INDICATOR_MANAGER_ROLES.includes(role);
