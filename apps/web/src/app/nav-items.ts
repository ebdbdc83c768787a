import type { Role } from '@trama/contracts';
import { USER_MANAGER_ROLES } from '../lib/auth/permissions';

export interface NavItem {
  to: string;
  /** i18n key of the label */
  label: string;
  /** who sees the entry; the server still checks every request */
  roles: readonly Role[];
}

const EVERYONE: readonly Role[] = ['admin', 'coordinator', 'innovator', 'municipality'];

/**
 * The main navigation, in order. A new feature adds its entry here, e.g.
 *   { to: '/attivita', label: 'nav.activities', roles: EVERYONE }       // field log
 *   { to: '/revisione', label: 'nav.review', roles: ['coordinator'] }   // activities to review
 */
export const NAV_ITEMS: readonly NavItem[] = [
  { to: '/territorio', label: 'nav.territory', roles: EVERYONE },
  { to: '/utenti', label: 'nav.users', roles: USER_MANAGER_ROLES },
];

export function navItemsFor(role: Role): NavItem[] {
  return NAV_ITEMS.filter((item) => item.roles.includes(role));
}
