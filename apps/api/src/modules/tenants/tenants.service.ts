import { Injectable } from '@nestjs/common';
import type { TenantRefDto } from '../../common/http/refs.dto';
import type { AccessScope } from '../../common/access/access-scope';
import type { ScopedTx } from '../../common/access/scoped-data';
import { type TenantRow, TenantsRepository } from './tenants.repository';

/**
 * Tenants (metropolitan cities): what other features may ask of them. Reads take the caller's
 * scope; the import's writes (creating or renaming the tenant) run in the importer's transaction.
 */
@Injectable()
export class TenantsService {
  constructor(private readonly tenants: TenantsRepository) {}

  /** Admins: every tenant; everyone else: their own. */
  async listTenants(scope: AccessScope): Promise<TenantRefDto[]> {
    const rows = await this.tenants.listInScope(scope);
    return rows.map((r) => ({ id: r.id, istatCode: r.istatCode, name: r.name }));
  }

  /** The tenant with this ISTAT code, if the caller reaches it (admins: any), else null. */
  async findTenant(scope: AccessScope, istatCode: string): Promise<TenantRefDto | null> {
    const row = await this.tenants.findByIstat(scope, istatCode);
    return row && { id: row.id, istatCode: row.istatCode, name: row.name };
  }

  /** Every tenant's ISTAT code and name (public: for the pages read before sign-in). */
  listPublic(): Promise<{ istatCode: string; name: string }[]> {
    return this.tenants.listPublic();
  }

  /** A tenant by ISTAT code for the public pages: its id (to find its pages), code and name; null if none. */
  findPublic(istatCode: string): Promise<{ id: string; istatCode: string; name: string } | null> {
    return this.tenants.findPublic(istatCode);
  }

  /**
   * For a territory import, in its transaction: creates the tenant or renames it (locked until the
   * transaction ends, so imports of one tenant run one at a time). Refuses (null) a slug another
   * tenant already uses, returning that tenant's ISTAT code in `slugOwner`.
   */
  async upsertForImport(
    tx: ScopedTx,
    manifest: { istatCode: string; name: string; slug: string },
  ): Promise<{ slugOwner: string } | { tenantId: string; existing: TenantRow | null }> {
    const owner = await this.tenants.slugOwner(tx, manifest.slug, manifest.istatCode);
    if (owner) return { slugOwner: owner };
    const existing = await this.tenants.findForUpdate(tx, manifest.istatCode);
    if (existing) {
      await this.tenants.updateNameAndSlug(tx, existing.id, manifest);
      return { tenantId: existing.id, existing };
    }
    return { tenantId: await this.tenants.insert(tx, manifest), existing: null };
  }
}
