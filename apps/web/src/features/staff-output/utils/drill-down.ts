import type { ActivityStatus, ActivityType } from '@trama/contracts';

/** Where the activity list lives, and the names of its URL filters (features/activities). */
const ACTIVITY_LIST_PATH = '/attivita';

export interface DrillDown {
  innovator: string;
  from: string;
  to: string;
  status?: ActivityStatus;
  type?: ActivityType;
  /** ISTAT code */
  municipality?: string;
}

/** A link to the activity list filtered on an innovator and the dashboard's period (and a status, type or municipality). */
export function activitiesLink(filter: DrillDown): string {
  const params = new URLSearchParams({ innovator: filter.innovator });
  if (filter.status) params.set('status', filter.status);
  if (filter.type) params.set('type', filter.type);
  if (filter.municipality) params.set('municipality', filter.municipality);
  params.set('from', filter.from);
  params.set('to', filter.to);
  return `${ACTIVITY_LIST_PATH}?${params.toString()}`;
}
