import { Injectable } from '@nestjs/common';
import type { OrganizationKind } from '@trama/contracts';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import type { AccessScope } from '../../common/access/access-scope';
import { Organization } from './organization.entity';

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

/** `%` and `_` typed by a user are literal characters, not wildcards. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Queries of the organizations register; each one bound to the caller's scope by `scope.apply`. */
@Injectable()
export class OrganizationsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Organizations the caller may read: the tenant's; a municipality user's territory only. */
  private readable(scope: AccessScope, manager?: EntityManager): SelectQueryBuilder<Organization> {
    const qb = (manager ?? this.dataSource.manager)
      .createQueryBuilder(Organization, 'o')
      .innerJoin('municipalities', 'm', 'm.id = o.municipality_id')
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
    return scope.apply(qb, 'o', { municipality: 'o.municipality_id', territory: 'visible' });
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
   * Organizations of `tenantId` among `ids` that the caller may link (to an activity); names for display.
   * Unknown ids and other tenants' ids are simply absent from the answer.
   */
  async findLinkable(
    scope: AccessScope,
    tenantId: string,
    ids: readonly string[],
    manager?: EntityManager,
  ): Promise<{ id: string; name: string }[]> {
    if (ids.length === 0) return [];
    const qb = (manager ?? this.dataSource.manager)
      .createQueryBuilder(Organization, 'o')
      .select('o.id', 'id')
      .addSelect('o.name', 'name')
      .where('o.id IN (:...ids)', { ids })
      .andWhere('o.tenant_id = :linkTenant', { linkTenant: tenantId });
    return scope.apply(qb, 'o').getRawMany();
  }

  /** The municipalities of the caller's tenant with this ISTAT code (an admin may get one per tenant). */
  async findMunicipalities(scope: AccessScope, istatCode: string, manager?: EntityManager): Promise<MunicipalityKey[]> {
    const qb = (manager ?? this.dataSource.manager)
      .createQueryBuilder()
      .from('municipalities', 'm')
      .select('m.id', 'id')
      .addSelect('m.tenant_id', 'tenantId')
      .where('m.istat_code = :istatCode', { istatCode });
    return scope.apply(qb, 'm').getRawMany<MunicipalityKey>();
  }

  async insert(
    manager: EntityManager,
    scope: AccessScope,
    values: Omit<Partial<Organization>, 'id' | 'createdBy' | 'updatedBy'>,
  ): Promise<string> {
    const result = await manager.insert(Organization, { ...values, createdBy: scope.actor.id, updatedBy: scope.actor.id } as never);
    return String(result.identifiers[0].id);
  }
}
