import { Injectable } from '@nestjs/common';
import type { Predicate, ScopedSource } from '../../common/access/scope-rules';
import { Organization } from './organization.entity';

/**
 * Who sees which organizations: every organization of the tenant (admins: of every tenant); a
 * municipality user only those registered in their territory.
 */
export const readableOrganizations: Predicate = (c, alias) =>
  c.territory(alias, { municipality: `${alias}.municipality_id`, rule: 'visible' });

/**
 * Which organizations an activity may be linked to: any of the tenant's (the activity's author
 * works with organizations of neighbouring municipalities too).
 */
export const linkableOrganizations: Predicate = () => null;

/**
 * The organizations register's rules as sources other features select from (an activity's
 * organizations, a map layer, an indicator): `door.select(scope, organizationsPolicy.readable, 'o')`.
 */
@Injectable()
export class OrganizationsPolicy {
  readonly readable: ScopedSource<Organization> = { target: Organization, rule: readableOrganizations };
  readonly linkable: ScopedSource<Organization> = { target: Organization, rule: linkableOrganizations };
}
