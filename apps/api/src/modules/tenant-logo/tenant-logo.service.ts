import { Injectable } from '@nestjs/common';
import { IMAGE_MIME_TYPES, LOGO_MAX_SIDE } from '@trama/contracts';
import type { AccessScope } from '../../common/access/access-scope';
import { ScopedData, type ScopedTx } from '../../common/access/scoped-data';
import { CommonErrors } from '../../common/errors/app-error';
import { FileErrors } from '../files/files.errors';
import { type FileOwner, FilesService, type OpenedFile, type Upload } from '../files/files.service';
import type { TenantLogoDto } from './tenant-logo.dto';

export const TENANT_LOGO_OWNER = 'tenant_logo';

/**
 * The tenant's logo, shown in the header beside its name to every user of the tenant; set,
 * replaced and removed by its coordinators. One image in the file store (owner `tenant_logo`, the
 * tenant's id), re-encoded to at most LOGO_MAX_SIDE px without metadata. Admins have no tenant:
 * no logo to show, none to set.
 */
@Injectable()
export class TenantLogoService {
  constructor(
    private readonly door: ScopedData,
    private readonly files: FilesService,
  ) {}

  async get(scope: AccessScope): Promise<TenantLogoDto> {
    const owner = this.ownerOf(scope);
    if (!owner) return { logo: null };
    const [current] = (await this.files.list(this.door, scope, owner)).slice(-1);
    return { logo: current ? this.files.toDto(current) : null };
  }

  async open(scope: AccessScope, fileId: string): Promise<OpenedFile> {
    const owner = this.ownerOf(scope);
    if (!owner) throw FileErrors.FILE_NOT_FOUND();
    return this.files.openOwned(this.door, scope, owner, fileId);
  }

  /** Sets the logo; the previous one is removed (soft) in the same transaction, both audited. */
  async set(scope: AccessScope, upload: Upload | undefined): Promise<TenantLogoDto> {
    const owner = this.requireOwner(scope);
    const prepared = await this.files.prepare(upload, { accept: IMAGE_MIME_TYPES, maxSide: LOGO_MAX_SIDE, thumbnail: false });
    await this.door.transaction(async (tx) => {
      await this.removeAll(tx, scope, owner);
      await this.files.add(tx, scope, owner, prepared);
    });
    return this.get(scope);
  }

  async remove(scope: AccessScope): Promise<void> {
    const owner = this.requireOwner(scope);
    await this.door.transaction((tx) => this.removeAll(tx, scope, owner));
  }

  private async removeAll(tx: ScopedTx, scope: AccessScope, owner: FileOwner): Promise<void> {
    // the tenant row is not ours to lock: a transaction-scoped advisory lock serialises two coordinators
    await tx
      .unscoped('advisory lock on the tenant logo: no table is read or written')
      .query(`SELECT pg_advisory_xact_lock(hashtextextended('tenant_logo:' || $1, 0))`, [owner.tenantId]);
    for (const file of await this.files.list(tx, scope, owner)) {
      await this.files.remove(tx, scope, owner, file.id);
    }
  }

  private ownerOf(scope: AccessScope): FileOwner | null {
    const tenantId = scope.tenantId;
    return tenantId ? { kind: TENANT_LOGO_OWNER, id: tenantId, tenantId } : null;
  }

  private requireOwner(scope: AccessScope): FileOwner {
    const owner = this.ownerOf(scope);
    if (!owner) throw CommonErrors.FORBIDDEN('A logo belongs to a tenant: its coordinators set it');
    return owner;
  }
}
