import { Injectable } from '@nestjs/common';
import type { AccessScope } from '../../common/access/access-scope';
import { ScopedData, type ScopedTx } from '../../common/access/scoped-data';
import { LegalPage, type LegalPageKind } from './legal-page.entity';

export interface LegalPageRow {
  id: string;
  content: Record<string, unknown>;
  version: number;
  updatedAt: Date;
}

/**
 * Queries on legal_pages. The pages are published to everyone, before sign-in: the public read
 * takes the door's exit (no scope exists yet) and returns only the page; writes go through the
 * door with the editor's scope.
 */
@Injectable()
export class LegalPagesRepository {
  constructor(private readonly door: ScopedData) {}

  /** A tenant's saved page of this kind, for anyone (it is public), or null if never saved. */
  async findPublished(tenantId: string, kind: LegalPageKind): Promise<LegalPageRow | null> {
    const rows: LegalPageRow[] = await this.door
      .unscoped('public pages before sign-in: a tenant publishes its accessibility statement and privacy notice to everyone')
      .query(`SELECT id, content, version, updated_at AS "updatedAt" FROM legal_pages WHERE tenant_id = $1 AND kind = $2`, [
        tenantId,
        kind,
      ]);
    return rows[0] ?? null;
  }

  /** The saved page in the editor's transaction, bound to the tenants the editor reaches, locked until it ends. */
  async findForUpdate(tx: ScopedTx, scope: AccessScope, tenantId: string, kind: LegalPageKind): Promise<LegalPageRow | null> {
    const row = await tx
      .select(scope, LegalPage, 'p')
      .select('p.id', 'id')
      .addSelect('p.content', 'content')
      .addSelect('p.version', 'version')
      .addSelect('p.updated_at', 'updatedAt')
      .andWhere('p.tenant_id = :tenantId AND p.kind = :kind', { tenantId, kind })
      .setLock('pessimistic_write')
      .getRawOne<LegalPageRow>();
    return row ?? null;
  }

  /** The first save of a tenant's page; null when another save got there first (a stale version 0). */
  async insert(tx: ScopedTx, scope: AccessScope, tenantId: string, kind: LegalPageKind, content: object): Promise<string | null> {
    const rows = await tx.insert<LegalPage, { id: string }>(
      scope,
      LegalPage,
      { tenantId, kind, content: content as Record<string, unknown> },
      {
        orIgnore: true,
        returning: 'id',
      },
    );
    return rows[0]?.id ?? null;
  }

  /** A later save: 409 STALE_VERSION unless `version` is the stored one. */
  async update(tx: ScopedTx, scope: AccessScope, key: { id: string; version: number; tenantId: string }, content: object): Promise<void> {
    await tx.updateVersioned(scope, LegalPage, key, { content: content as Record<string, unknown> });
  }
}
