import { Injectable } from '@nestjs/common';
import type { TenantRef } from '@trama/contracts';
import type { AccessScope } from '../../common/access/access-scope';
import { TenantsRepository } from './tenants.repository';

@Injectable()
export class TenantsService {
  constructor(private readonly tenants: TenantsRepository) {}

  /** Admins: every tenant; everyone else: their own. */
  async listTenants(scope: AccessScope): Promise<TenantRef[]> {
    const rows = await this.tenants.listInScope(scope);
    return rows.map((r) => ({ id: r.id, istatCode: r.istatCode, name: r.name }));
  }
}
