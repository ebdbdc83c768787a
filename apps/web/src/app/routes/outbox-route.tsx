import { useLocation } from 'react-router';
import type { ActivityDto } from '../../features/activities/api/types';
import { activityFields, activityValuesOf } from '../../features/activities/components/activity-form-schema';
import type { BuildingDto } from '../../features/buildings/api/types';
import { buildingFieldsOf } from '../../features/buildings/components/building-form';
import type { OrganizationDto } from '../../features/organizations/api/types';
import { organizationFieldsOf } from '../../features/organizations/components/organization-form';
import type { Projections } from '../../features/outbox/components/conflict-view';
import { OutboxPage } from '../../features/outbox/components/outbox-page';
import { useSessionUser } from '../../lib/auth/session';

/** Each register's answer mapped to what its form sends: the conflict view compares like with like (features do not import each other). */
const projections: Projections = {
  activity: (record) => activityFields(activityValuesOf(record as unknown as ActivityDto)),
  building: (record) => buildingFieldsOf(record as unknown as BuildingDto),
  organization: (record) => organizationFieldsOf(record as unknown as OrganizationDto),
};

export function OutboxRoute() {
  const user = useSessionUser();
  const location = useLocation();
  const queued = (location.state as { notice?: string } | null)?.notice === 'queued';
  return <OutboxPage userId={user.id} projections={projections} queued={queued} />;
}
