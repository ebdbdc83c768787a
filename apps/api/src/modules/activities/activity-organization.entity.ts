import { Entity, PrimaryColumn } from 'typeorm';

/** An organization involved in an activity. Composite foreign keys keep both in one tenant. */
@Entity({ name: 'activity_organizations' })
export class ActivityOrganization {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' })
  tenantId: string;

  @PrimaryColumn({ name: 'activity_id', type: 'uuid' })
  activityId: string;

  @PrimaryColumn({ name: 'organization_id', type: 'uuid' })
  organizationId: string;
}
