import { Injectable } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import type { AccessScope } from '../../common/access/access-scope';
import { ScopedData, type ScopedTx } from '../../common/access/scoped-data';
import { AuditService } from '../../common/audit/audit.service';
import { pageOf } from '../../common/http/pagination';
import type { CreateOrganizationDto } from './dto/create-organization.dto';
import type { ListOrganizationsQuery } from './dto/list-organizations.query';
import type { OrganizationResponseDto, OrganizationsPageDto } from './dto/organization.response';
import { OrganizationErrors } from './organizations.errors';
import { type MunicipalityKey, type OrganizationRow, OrganizationsRepository } from './organizations.repository';

function toDto(row: OrganizationRow): OrganizationResponseDto {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    taxCode: row.taxCode,
    municipality: { istatCode: row.municipalityIstat, name: row.municipalityName },
    active: row.active,
    version: row.version,
    createdAt: new Date(row.createdAt).toISOString(),
    updatedAt: new Date(row.updatedAt).toISOString(),
  };
}

function isUniqueViolation(error: unknown, constraint: string): boolean {
  const driver = error instanceof QueryFailedError ? (error.driverError as { code?: string; constraint?: string }) : undefined;
  return driver?.code === '23505' && driver.constraint === constraint;
}

/**
 * The organizations register (minimal): read by every role within their scope (municipality users:
 * their territory), created by innovators in their assigned municipalities and by coordinators
 * anywhere in their tenant. Every creation is audited in the same transaction.
 */
@Injectable()
export class OrganizationsService {
  constructor(
    private readonly door: ScopedData,
    private readonly organizations: OrganizationsRepository,
    private readonly audit: AuditService,
  ) {}

  async listOrganizations(scope: AccessScope, query: ListOrganizationsQuery): Promise<OrganizationsPageDto> {
    const { rows, total } = await this.organizations.list(scope, {
      q: query.q || undefined,
      municipality: query.municipality,
      kind: query.kind,
      offset: query.offset,
      limit: query.pageSize,
    });
    return pageOf(rows.map(toDto), total, query);
  }

  async getOrganization(scope: AccessScope, id: string): Promise<OrganizationResponseDto> {
    const row = await this.organizations.findReadable(scope, id);
    if (!row) throw OrganizationErrors.ORGANIZATION_NOT_FOUND();
    return toDto(row);
  }

  async createOrganization(scope: AccessScope, body: CreateOrganizationDto): Promise<OrganizationResponseDto> {
    scope.requireRole('innovator', 'coordinator');
    const municipality = await this.assignedMunicipality(scope, body.municipality);
    let id: string;
    try {
      id = await this.door.transaction(async (tx) => {
        const values = {
          tenantId: municipality.tenantId,
          name: body.name,
          kind: body.kind,
          taxCode: body.taxCode ?? null,
          municipalityId: municipality.id,
          active: true,
        };
        const newId = await this.organizations.insert(tx, scope, values);
        await this.audit.record(tx, scope, {
          tenantId: municipality.tenantId,
          entity: 'organization',
          entityId: newId,
          action: 'create',
          after: { name: values.name, kind: values.kind, taxCode: values.taxCode, municipality: body.municipality, active: true },
        });
        return newId;
      });
    } catch (error) {
      if (isUniqueViolation(error, 'organizations_tenant_tax_code_key')) {
        throw OrganizationErrors.ORGANIZATION_TAX_CODE_TAKEN(undefined, [
          { field: 'taxCode', messages: ['An organization with this tax code is already registered'] },
        ]);
      }
      throw error;
    }
    return this.getOrganization(scope, id);
  }

  /**
   * For another feature (an activity's organizations): the organizations of `tenantId` among `ids`
   * the caller may link, with their names; unknown and other tenants' ids are absent. `tx`: read
   * inside the caller's transaction.
   */
  findLinkable(scope: AccessScope, tenantId: string, ids: readonly string[], tx?: ScopedTx): Promise<{ id: string; name: string }[]> {
    return this.organizations.findLinkable(scope, tenantId, ids, tx);
  }

  /** The municipality an organization may be registered in: in the tenant, and assigned to an innovator. */
  private async assignedMunicipality(scope: AccessScope, istatCode: string): Promise<MunicipalityKey> {
    const found = await this.organizations.findMunicipalities(scope, istatCode);
    if (found.length !== 1) {
      const why =
        found.length === 0 ? `no municipality ${istatCode} in your tenant` : `municipality ${istatCode} exists in several tenants`;
      throw OrganizationErrors.ORGANIZATION_MUNICIPALITY_UNKNOWN(undefined, [{ field: 'municipality', messages: [why] }]);
    }
    const [municipality] = found;
    if (!scope.canReachMunicipality(municipality.tenantId, municipality.id, 'assigned')) {
      throw OrganizationErrors.ORGANIZATION_MUNICIPALITY_NOT_ASSIGNED(undefined, [
        { field: 'municipality', messages: [`municipality ${istatCode} is not assigned to you`] },
      ]);
    }
    return municipality;
  }
}
