import { Injectable } from '@nestjs/common';
import type { AccessScope } from '../../common/access/access-scope';
import { ScopedData, type ScopedTx } from '../../common/access/scoped-data';
import { TenantsPolicy } from './tenants.policy';

export interface TenantRow {
  id: string;
  istatCode: string;
  name: string;
  slug: string;
}

/**
 * Queries on tenants. Reads go through the door with the caller's scope; the writes are platform
 * operations (a territory import creates or renames the tenant itself), so they take the door's
 * exit inside the import's transaction.
 */
@Injectable()
export class TenantsRepository {
  constructor(
    private readonly door: ScopedData,
    private readonly policy: TenantsPolicy,
  ) {}

  /** Every tenant an admin may see, or the caller's own, ordered by name. */
  async listInScope(scope: AccessScope): Promise<TenantRow[]> {
    return this.door
      .select(scope, this.policy.tenants, 't')
      .select('t.tenant_id', 'id')
      .addSelect('t.istat_code', 'istatCode')
      .addSelect('t.name', 'name')
      .addSelect('t.slug', 'slug')
      .orderBy('t.name')
      .addOrderBy('t.istat_code')
      .getRawMany<TenantRow>();
  }

  /** The tenant with this ISTAT code, if the scope reaches it. */
  async findByIstat(scope: AccessScope, istatCode: string): Promise<TenantRow | null> {
    const row = await this.door
      .select(scope, this.policy.tenants, 't')
      .select('t.tenant_id', 'id')
      .addSelect('t.istat_code', 'istatCode')
      .addSelect('t.name', 'name')
      .addSelect('t.slug', 'slug')
      .andWhere('t.istat_code = :istatCode', { istatCode })
      .getRawOne<TenantRow>();
    return row ?? null;
  }

  /**
   * Every tenant's ISTAT code and name, for the pages read before sign-in (accessibility statement,
   * privacy notice): a metropolitan city's name is public; nothing else is read.
   */
  async listPublic(): Promise<{ istatCode: string; name: string }[]> {
    return this.door
      .unscoped('public pages before sign-in: the names of the metropolitan cities, which are public')
      .query(`SELECT istat_code AS "istatCode", name FROM tenants ORDER BY name, istat_code`);
  }

  /** One tenant's id, ISTAT code and name, for the public pages (before sign-in). */
  async findPublic(istatCode: string): Promise<{ id: string; istatCode: string; name: string } | null> {
    const rows: { id: string; istatCode: string; name: string }[] = await this.door
      .unscoped('public pages before sign-in: a metropolitan city by its ISTAT code (public), to show its published pages')
      .query(`SELECT tenant_id AS id, istat_code AS "istatCode", name FROM tenants WHERE istat_code = $1`, [istatCode]);
    return rows[0] ?? null;
  }

  /** The tenant with an ISTAT code, locked for the rest of the transaction (imports of one tenant run one at a time). */
  async findForUpdate(tx: ScopedTx, istatCode: string): Promise<TenantRow | null> {
    const rows: TenantRow[] = await tx
      .unscoped('territory import: the tenant being imported, found by its ISTAT code before it may exist')
      .query(`SELECT tenant_id AS id, istat_code AS "istatCode", name, slug FROM tenants WHERE istat_code = $1 FOR UPDATE`, [istatCode]);
    return rows[0] ?? null;
  }

  /** The ISTAT code of another tenant already using a slug, if any. */
  async slugOwner(tx: ScopedTx, slug: string, exceptIstatCode: string): Promise<string | null> {
    const rows: { istatCode: string }[] = await tx
      .unscoped('territory import: a slug is unique across the platform, so every tenant is checked')
      .query(`SELECT istat_code AS "istatCode" FROM tenants WHERE slug = $1 AND istat_code <> $2`, [slug, exceptIstatCode]);
    return rows[0]?.istatCode ?? null;
  }

  async insert(tx: ScopedTx, values: { istatCode: string; name: string; slug: string }): Promise<string> {
    const [row]: { id: string }[] = await tx
      .unscoped('territory import: creates the tenant itself (no tenant exists yet to bind it to)')
      .query(`INSERT INTO tenants (istat_code, name, slug) VALUES ($1, $2, $3) RETURNING tenant_id AS id`, [
        values.istatCode,
        values.name,
        values.slug,
      ]);
    return row.id;
  }

  /** Renames a tenant; returns false when nothing changed (the version is then left alone). */
  async updateNameAndSlug(tx: ScopedTx, id: string, values: { name: string; slug: string }): Promise<boolean> {
    const rows: unknown[] = await tx.unscoped('territory import: renames the tenant itself, a platform operation').query(
      `UPDATE tenants SET name = $2, slug = $3, updated_at = now(), version = version + 1
        WHERE tenant_id = $1 AND (name, slug) IS DISTINCT FROM ($2, $3) RETURNING tenant_id`,
      [id, values.name, values.slug],
    );
    return rows.length > 0;
  }
}
