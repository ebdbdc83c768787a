import { Injectable } from '@nestjs/common';
import type { OrganizationKind } from '@trama/contracts';
import type { AccessScope } from '../../common/access/access-scope';
import { ScopedData, type ScopedTx } from '../../common/access/scoped-data';
import type { ScopedSelectQueryBuilder } from '../../common/access/scoped-query-builder';
import { escapeLike } from '../../common/database/like';
import { TerritoryPolicy } from '../territory/territory.policy';
import { Organization } from './organization.entity';
import { OrganizationsPolicy } from './organizations.policy';

export interface OrganizationRow {
  id: string;
  tenantId: string;
  name: string;
  kind: OrganizationKind;
  taxCode: string | null;
  active: boolean;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  municipalityIstat: string;
  municipalityName: string;
}

export interface OrganizationFilter {
  q?: string;
  municipality?: string;
  kind?: OrganizationKind;
  offset: number;
  limit: number;
}

export interface MunicipalityKey {
  id: string;
  tenantId: string;
}

/** Queries of the organizations register, each built through the door with the register's policy. */
@Injectable()
export class OrganizationsRepository {
  constructor(
    private readonly door: ScopedData,
    private readonly policy: OrganizationsPolicy,
    private readonly territoryPolicy: TerritoryPolicy,
  ) {}

  /** Organizations the caller may read (`OrganizationsPolicy.readable`), with their municipality. */
  private readable(scope: AccessScope): ScopedSelectQueryBuilder<Organization> {
    return this.door
      .select(scope, this.policy.readable, 'o')
      .innerJoinSource(this.territoryPolicy.municipalities, 'm', 'm.id = o.municipality_id AND m.tenant_id = o.tenant_id')
      .select('o.id', 'id')
      .addSelect('o.tenant_id', 'tenantId')
      .addSelect('o.name', 'name')
      .addSelect('o.kind', 'kind')
      .addSelect('o.tax_code', 'taxCode')
      .addSelect('o.active', 'active')
      .addSelect('o.version', 'version')
      .addSelect('o.created_at', 'createdAt')
      .addSelect('o.updated_at', 'updatedAt')
      .addSelect('m.istat_code', 'municipalityIstat')
      .addSelect('m.name', 'municipalityName');
  }

  async list(scope: AccessScope, filter: OrganizationFilter): Promise<{ rows: OrganizationRow[]; total: number }> {
    const qb = this.readable(scope);
    if (filter.q) {
      qb.andWhere(`(trama_unaccent(o.name) ILIKE '%' || trama_unaccent(:qLike) || '%' OR o.tax_code = upper(:q))`, {
        q: filter.q.replace(/\s/g, ''),
        qLike: escapeLike(filter.q),
      });
    }
    if (filter.municipality) qb.andWhere('m.istat_code = :municipality', { municipality: filter.municipality });
    if (filter.kind) qb.andWhere('o.kind = :kind', { kind: filter.kind });
    const total = await qb.clone().getCount();
    const rows = await qb
      .orderBy('lower(o.name)')
      .addOrderBy('o.id')
      .offset(filter.offset)
      .limit(filter.limit)
      .getRawMany<OrganizationRow>();
    return { rows, total };
  }

  async findReadable(scope: AccessScope, id: string): Promise<OrganizationRow | null> {
    return (await this.readable(scope).andWhere('o.id = :id', { id }).getRawOne<OrganizationRow>()) ?? null;
  }

  /**
   * Organizations of `tenantId` among `ids` that the caller may link (`OrganizationsPolicy.linkable`);
   * names for display. Unknown ids and other tenants' ids are simply absent from the answer.
   */
  async findLinkable(
    scope: AccessScope,
    tenantId: string,
    ids: readonly string[],
    reads: ScopedData | ScopedTx = this.door,
  ): Promise<{ id: string; name: string }[]> {
    if (ids.length === 0) return [];
    return reads
      .select(scope, this.policy.linkable, 'o')
      .select('o.id', 'id')
      .addSelect('o.name', 'name')
      .andWhere('o.id IN (:...ids)', { ids })
      .andWhere('o.tenant_id = :linkTenant', { linkTenant: tenantId })
      .getRawMany();
  }

  /**
   * The municipalities of the caller's tenant with this ISTAT code (an admin may get one per
   * tenant), among those the caller may see; whether the caller may register there is the service's check.
   */
  async findMunicipalities(scope: AccessScope, istatCode: string): Promise<MunicipalityKey[]> {
    return this.door
      .select(scope, this.territoryPolicy.municipalities, 'm')
      .select('m.id', 'id')
      .addSelect('m.tenant_id', 'tenantId')
      .andWhere('m.istat_code = :istatCode', { istatCode })
      .getRawMany<MunicipalityKey>();
  }

  /**
   * Inserts an organization in `values.tenantId` (the municipality's tenant, which the door
   * checks the caller reaches; the author is stamped by the door). Returns its id.
   */
  async insert(tx: ScopedTx, scope: AccessScope, values: Omit<Partial<Organization>, 'id' | 'createdBy' | 'updatedBy'>): Promise<string> {
    const [row] = await tx.insert<Organization, { id: string }>(scope, Organization, values, { returning: 'id' });
    return row.id;
  }
}
