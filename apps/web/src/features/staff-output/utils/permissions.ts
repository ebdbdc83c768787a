import type { Role } from '@trama/contracts';

/** Who sees the staff-output dashboard (the API answers 403 to everyone else). */
export const STAFF_OUTPUT_ROLES: readonly Role[] = ['coordinator', 'admin'];
