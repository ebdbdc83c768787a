import { Injectable } from '@nestjs/common';
import type { AccessScope } from '../../common/access/access-scope';
import type { Predicate, ScopedSource } from '../../common/access/scope-rules';
import { Organization } from './organization.entity';

/**
 * Who sees which organizations: every organization of the tenant (admins: of every tenant); a
 * municipality user only those registered in their territory. Merged duplicates stay readable (their
 * detail and history say into which organization they went); `filtered` lists leave them out.
 */
export const readableOrganizations: Predicate = (c, alias) =>
  c.territory(alias, { municipality: `${alias}.municipality_id`, rule: 'visible' });

/**
 * Which organizations an activity (an initiative, an assignment) may be linked to: any of the
 * tenant's (the author works with organizations of neighbouring municipalities too), but not a
 * merged duplicate (link its survivor).
 */
export const linkableOrganizations: Predicate = (_c, alias) => `${alias}.merged_into IS NULL`;

/**
 * The organizations register's rules as sources other features select from (an activity's
 * organizations, a map layer, an indicator): `door.select(scope, organizationsPolicy.readable, 'o')`.
 */
@Injectable()
export class OrganizationsPolicy {
  readonly readable: ScopedSource<Organization> = { target: Organization, rule: readableOrganizations };
  readonly linkable: ScopedSource<Organization> = { target: Organization, rule: linkableOrganizations };

  /** The contact person's data and the internal notes: never for municipality users. */
  readsStaffFields(scope: AccessScope): boolean {
    return scope.role !== 'municipality';
  }

  /** The history holds those too: municipality users get 404 (as for a record they cannot read). */
  readsHistory(scope: AccessScope): boolean {
    return scope.role !== 'municipality';
  }

  /** Innovators edit in their assigned municipalities, coordinators and admins anywhere in reach. */
  canEdit(scope: AccessScope, tenantId: string, municipalityId: string): boolean {
    return scope.hasRole('innovator', 'coordinator') && scope.canReachMunicipality(tenantId, municipalityId, 'assigned');
  }
}
