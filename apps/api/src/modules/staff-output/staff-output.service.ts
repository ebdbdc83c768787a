import { Injectable } from '@nestjs/common';
import type { AccessScope } from '../../common/access/access-scope';
import type { StaffOutputQueryDto } from './dto/staff-output.query';
import type { StaffOutputResponse } from './dto/staff-output.response';
import { buildStaffOutput } from './staff-output-figures';
import { StaffOutputRepository, type TenantRow } from './staff-output.repository';
import { StaffOutputErrors } from './staff-output.errors';

/**
 * The coordinators' staff-output dashboard: per innovator of one tenant, what they logged in a
 * period (by status and type, hours, participants), how long their activities waited for review,
 * and which assigned municipalities they have not visited lately.
 */
@Injectable()
export class StaffOutputService {
  constructor(private readonly repository: StaffOutputRepository) {}

  async getStaffOutput(scope: AccessScope, query: StaffOutputQueryDto): Promise<StaffOutputResponse> {
    scope.requireRole('coordinator');
    const tenant = await this.resolveTenant(scope, query.tenant);
    const target = { tenantId: tenant.id, from: query.from, to: query.to };
    const [staff, assignments, groups, reviewTimes] = await Promise.all([
      this.repository.staff(scope, target),
      this.repository.assignments(scope, target),
      this.repository.periodGroups(scope, target),
      this.repository.reviewTimes(scope, target),
    ]);
    return buildStaffOutput({
      tenant: { id: tenant.id, istatCode: tenant.istatCode, name: tenant.name },
      from: query.from,
      to: query.to,
      staleDays: query.staleDays,
      staff,
      assignments,
      groups,
      reviewTimes,
    });
  }

  /** Admins must name the tenant; coordinators get their own (naming another is the same as naming an unknown one). */
  private async resolveTenant(scope: AccessScope, istatCode: string | undefined): Promise<TenantRow> {
    if (scope.isAdmin && !istatCode) {
      throw StaffOutputErrors.STAFF_OUTPUT_TENANT_REQUIRED(undefined, [
        { field: 'tenant', messages: ['tenant is required for admins: the ISTAT code of the metropolitan city, e.g. 272'] },
      ]);
    }
    const rows = await this.repository.findTenants(scope, istatCode);
    if (rows.length !== 1) {
      throw StaffOutputErrors.STAFF_OUTPUT_TENANT_UNKNOWN(undefined, [
        {
          field: 'tenant',
          messages: [istatCode ? `no metropolitan city ${istatCode} in your scope` : 'your metropolitan city was not found'],
        },
      ]);
    }
    return rows[0];
  }
}
