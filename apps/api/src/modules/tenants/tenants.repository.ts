import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { AccessScope } from '../../common/access/access-scope';
import { Tenant } from './tenant.entity';

export interface TenantRow {
  id: string;
  istatCode: string;
  name: string;
  slug: string;
}

/** Queries on tenants. Reads take the access scope; writes are platform operations (territory import). */
@Injectable()
export class TenantsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Every tenant an admin may see, or the caller's own, ordered by name. */
  async listInScope(scope: AccessScope): Promise<TenantRow[]> {
    const qb = this.dataSource
      .createQueryBuilder()
      .from(Tenant, 't')
      .select('t.tenant_id', 'id')
      .addSelect('t.istat_code', 'istatCode')
      .addSelect('t.name', 'name')
      .addSelect('t.slug', 'slug');
    scope.apply(qb, 't');
    return qb.orderBy('t.name').addOrderBy('t.istat_code').getRawMany<TenantRow>();
  }

  /** The tenant with an ISTAT code, locked for the rest of the transaction (imports of one tenant run one at a time). */
  async findForUpdate(manager: EntityManager, istatCode: string): Promise<TenantRow | null> {
    const rows: TenantRow[] = await manager.query(
      `SELECT tenant_id AS id, istat_code AS "istatCode", name, slug FROM tenants WHERE istat_code = $1 FOR UPDATE`,
      [istatCode],
    );
    return rows[0] ?? null;
  }

  /** The ISTAT code of another tenant already using a slug, if any. */
  async slugOwner(manager: EntityManager, slug: string, exceptIstatCode: string): Promise<string | null> {
    const rows: { istatCode: string }[] = await manager.query(
      `SELECT istat_code AS "istatCode" FROM tenants WHERE slug = $1 AND istat_code <> $2`,
      [slug, exceptIstatCode],
    );
    return rows[0]?.istatCode ?? null;
  }

  async insert(manager: EntityManager, values: { istatCode: string; name: string; slug: string }): Promise<string> {
    const [row]: { id: string }[] = await manager.query(
      `INSERT INTO tenants (istat_code, name, slug) VALUES ($1, $2, $3) RETURNING tenant_id AS id`,
      [values.istatCode, values.name, values.slug],
    );
    return row.id;
  }

  /** Renames a tenant; returns false when nothing changed (the version is then left alone). */
  async updateNameAndSlug(manager: EntityManager, id: string, values: { name: string; slug: string }): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `UPDATE tenants SET name = $2, slug = $3, updated_at = now(), version = version + 1
        WHERE tenant_id = $1 AND (name, slug) IS DISTINCT FROM ($2, $3) RETURNING tenant_id`,
      [id, values.name, values.slug],
    );
    return rows.length > 0;
  }
}
