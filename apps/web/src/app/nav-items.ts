import type { Role } from '@trama/contracts';
import type { ComponentType } from 'react';
import { ReviewCount } from '../features/activities/components/review-count';
import { ACTIVITY_REVIEWER_ROLES } from '../features/activities/utils/permissions';
import { COLLABORATION_READER_ROLES } from '../features/collaborations/utils/permissions';
import { ReturnedCount } from '../features/home/components/returned-count';
import { OutboxCount } from '../features/outbox/components/outbox-count';
import { STAFF_OUTPUT_ROLES } from '../features/staff-output/utils/permissions';
import { USER_MANAGER_ROLES } from '../lib/auth/permissions';

export interface NavItem {
  to: string;
  /** i18n key of the label */
  label: string;
  /** who sees the entry; the server still checks every request */
  roles: readonly Role[];
  /** shown after the label, e.g. a count of things waiting (it fetches what it needs) */
  badge?: ComponentType;
}

const EVERYONE: readonly Role[] = ['admin', 'coordinator', 'innovator', 'municipality'];

/**
 * The main navigation, in order. A new feature adds its entry here, e.g.
 *   { to: '/attivita', label: 'nav.activities', roles: EVERYONE }       // field log
  { to: '/revisione', label: 'nav.review', roles: ['coordinator'] }   // activities to review
 */
export const NAV_ITEMS: readonly NavItem[] = [
  // each role's home; the label has a variant per role (nav.home_innovator: "Il mio lavoro")
  { to: '/', label: 'nav.home', roles: EVERYONE, badge: ReturnedCount },
  { to: '/mappa', label: 'nav.map', roles: EVERYONE },
  { to: '/territorio', label: 'nav.territory', roles: EVERYONE },
  { to: '/attivita', label: 'nav.activities', roles: EVERYONE },
  { to: '/iniziative', label: 'nav.initiatives', roles: EVERYONE },
  { to: '/progetti', label: 'nav.projects', roles: EVERYONE },
  { to: '/programma', label: 'nav.programme', roles: EVERYONE },
  { to: '/immobili', label: 'nav.buildings', roles: EVERYONE },
  { to: '/riuso', label: 'nav.reuse', roles: ['coordinator', 'innovator', 'municipality'] },
  { to: '/organizzazioni', label: 'nav.organizations', roles: EVERYONE },
  { to: '/indicatori', label: 'nav.indicators', roles: EVERYONE },
  { to: '/collaborazioni', label: 'nav.collaborations', roles: COLLABORATION_READER_ROLES },
  // what this device has not sent yet (the offline outbox), with its count
  { to: '/in-uscita', label: 'outbox.nav', roles: ['innovator', 'coordinator'], badge: OutboxCount },
  { to: '/revisione', label: 'nav.review', roles: ACTIVITY_REVIEWER_ROLES, badge: ReviewCount },
  { to: '/staff', label: 'nav.staffOutput', roles: STAFF_OUTPUT_ROLES },
  { to: '/utenti', label: 'nav.users', roles: USER_MANAGER_ROLES },
];

export function navItemsFor(role: Role): NavItem[] {
  return NAV_ITEMS.filter((item) => item.roles.includes(role));
}
