import { Injectable } from '@nestjs/common';
import type { ScopedSource } from '../../common/access/scope-rules';
import { Tenant } from './tenant.entity';

/**
 * Who sees which tenants (metropolitan cities): an admin every tenant, everyone else their own.
 * The door's tenant binding says exactly that (`tenants.tenant_id` is the tenant itself), so the
 * rule adds nothing to it; other features join or select tenants through this source, never by
 * the table's name: `door.select(scope, tenantsPolicy.tenants, 't')`.
 */
@Injectable()
export class TenantsPolicy {
  readonly tenants: ScopedSource<Tenant> = { target: Tenant, rule: {} };
}
