import { stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { type FileMimeType, IMAGE_MAX_SIDE, isImageMime } from '@trama/contracts';
import type { AccessScope } from '../../common/access/access-scope';
import type { ScopedReads, ScopedTx } from '../../common/access/scoped-data';
import { AuditService } from '../../common/audit/audit.service';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { processUpload, sanitizeName, uploadedName } from './file-content';
import { FileStore } from './file-store';
import { FileErrors } from './files.errors';
import type { StoredFileDto } from './dto/stored-file.response';
import { StoredFile } from './stored-file.entity';

/**
 * Whose files: the owning record. The owner's feature has already checked the caller may read
 * (or change) it before calling here: the store decides nothing about access itself.
 */
export interface FileOwner {
  /** `activity`, `tenant_logo`, next `building` */
  kind: string;
  id: string;
  tenantId: string;
}

/** An upload as multer hands it over (memory storage). */
export interface Upload {
  buffer: Buffer;
  originalname?: string;
  size: number;
}

/** An upload checked, re-encoded and written to disk, ready to be recorded (`add`) in the owner's transaction. */
export interface PreparedFile {
  name: string;
  mime: FileMimeType;
  size: number;
  width: number | null;
  height: number | null;
  sha256: string;
  thumbnailSha256: string | null;
}

export interface PrepareOptions {
  accept: readonly FileMimeType[];
  /** the longest side of a stored image (default IMAGE_MAX_SIDE) */
  maxSide?: number;
  /** default true */
  thumbnail?: boolean;
}

/** The bytes of a file to send, with what the response headers need. */
export interface OpenedFile {
  stream: Readable;
  mime: string;
  name: string;
  size: number;
  sha256: string;
  /** images are shown inline; everything else is a download */
  inline: boolean;
}

/**
 * The file store (docs/files.md): bytes on disk under TRAMA_FILES_DIR (`FileStore`, by content),
 * metadata in `files` through the door, bound to the tenant. The owning feature calls it after its
 * own access check: `prepare` (type by content, re-encoding, bytes written) before its
 * transaction, then `add` / `remove` inside it (each writes its audit entry there, entity `file`);
 * `list`, `find`, `open`, `openOwned` to read.
 */
@Injectable()
export class FilesService {
  private readonly logger = new Logger('FilesService');
  readonly store: FileStore;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly audit: AuditService,
  ) {
    this.store = new FileStore(config.filesDir);
  }

  /**
   * Checks an upload (present, an accepted type by content), re-encodes images without metadata,
   * writes the bytes and the thumbnail to disk and returns what `add` records. Bytes written for an
   * upload whose transaction then fails stay unreferenced on disk (content-addressed: harmless).
   */
  async prepare(upload: Upload | undefined, options: PrepareOptions): Promise<PreparedFile> {
    if (!upload || !Buffer.isBuffer(upload.buffer) || upload.buffer.length === 0) throw FileErrors.FILE_MISSING();
    const processed = await processUpload(upload.buffer, {
      accept: options.accept,
      maxSide: options.maxSide ?? IMAGE_MAX_SIDE,
      thumbnail: options.thumbnail ?? true,
    });
    const sha256 = await this.store.put(processed.bytes);
    const thumbnailSha256 = processed.thumbnail ? await this.store.put(processed.thumbnail) : null;
    return {
      name: sanitizeName(uploadedName(upload.originalname), processed.ext),
      mime: processed.mime,
      size: processed.bytes.length,
      width: processed.width,
      height: processed.height,
      sha256,
      thumbnailSha256,
    };
  }

  /**
   * Records a prepared file for its owner, in the owner's transaction, with its audit entry (`create`).
   * `clientId`: the uploader's key (look for it first with `findByClientId`, under the owner's row lock).
   */
  async add(tx: ScopedTx, scope: AccessScope, owner: FileOwner, file: PreparedFile, clientId?: string): Promise<StoredFile> {
    const [row] = await tx.insert<StoredFile, { id: string }>(
      scope,
      StoredFile,
      { tenantId: owner.tenantId, ownerKind: owner.kind, ownerId: owner.id, ...file, clientId: clientId ?? null },
      { returning: 'id' },
    );
    const stored = await this.find(tx, scope, owner, row.id);
    if (!stored) throw new Error('file store: the inserted row cannot be read back');
    await this.audit.record(tx, scope, {
      tenantId: owner.tenantId,
      entity: 'file',
      entityId: stored.id,
      action: 'create',
      after: { owner: { kind: owner.kind, id: owner.id }, ...this.auditOf(stored) },
    });
    return stored;
  }

  /** The owner's live files, oldest first. */
  async list(reads: ScopedReads, scope: AccessScope, owner: FileOwner): Promise<StoredFile[]> {
    return this.ownerQuery(reads, scope, owner, 'f').orderBy('f.created_at', 'ASC').addOrderBy('f.id', 'ASC').getMany();
  }

  /** How many live files the owner has (call it in the transaction that holds the owner's row lock, before `add`). */
  async count(reads: ScopedReads, scope: AccessScope, owner: FileOwner): Promise<number> {
    return this.ownerQuery(reads, scope, owner, 'f').getCount();
  }

  /** One live file of the owner, or null (another owner's id is null too). */
  async find(reads: ScopedReads, scope: AccessScope, owner: FileOwner, fileId: string): Promise<StoredFile | null> {
    return this.ownerQuery(reads, scope, owner, 'f').andWhere('f.id = :fileId', { fileId }).getOne();
  }

  /**
   * The owner's file uploaded with this key (live or removed since), or null: a retried upload whose
   * first answer was lost gets it back instead of storing a second copy.
   */
  async findByClientId(reads: ScopedReads, scope: AccessScope, owner: FileOwner, clientId: string): Promise<StoredFile | null> {
    return reads
      .select(scope, StoredFile, 'f')
      .andWhere('f.tenant_id = :ownerTenant AND f.owner_kind = :ownerKind AND f.owner_id = :ownerId', {
        ownerTenant: owner.tenantId,
        ownerKind: owner.kind,
        ownerId: owner.id,
      })
      .andWhere('f.client_id = :fileClientId', { fileClientId: clientId })
      .getOne();
  }

  /** Whether a file of the owner was added or removed after `since` (an owner's change the owner's row does not show). */
  async changedSince(reads: ScopedReads, scope: AccessScope, owner: FileOwner, since: Date): Promise<boolean> {
    const n = await reads
      .select(scope, StoredFile, 'f')
      .andWhere('f.tenant_id = :ownerTenant AND f.owner_kind = :ownerKind AND f.owner_id = :ownerId', {
        ownerTenant: owner.tenantId,
        ownerKind: owner.kind,
        ownerId: owner.id,
      })
      .andWhere('(f.created_at > :since OR f.deleted_at > :since)', { since })
      .getCount();
    return n > 0;
  }

  /**
   * Soft-deletes a live file of the owner (optimistic on its version), with its audit entry
   * (`delete`); returns it, or null when there is none.
   */
  async remove(tx: ScopedTx, scope: AccessScope, owner: FileOwner, fileId: string): Promise<StoredFile | null> {
    const file = await this.find(tx, scope, owner, fileId);
    if (!file) return null;
    await tx.updateVersioned(scope, StoredFile, { id: file.id, version: file.version, tenantId: file.tenantId }, {
      deletedAt: () => 'now()',
    } as never);
    await this.audit.record(tx, scope, {
      tenantId: owner.tenantId,
      entity: 'file',
      entityId: file.id,
      action: 'delete',
      before: { owner: { kind: owner.kind, id: owner.id }, ...this.auditOf(file) },
    });
    return file;
  }

  /** The bytes of a file (or of its thumbnail: null when it has none). */
  async open(file: StoredFile, variant: 'original' | 'thumbnail' = 'original'): Promise<OpenedFile | null> {
    const sha256 = variant === 'thumbnail' ? file.thumbnailSha256 : file.sha256;
    if (!sha256) return null;
    const path = this.store.pathOf(sha256);
    let size: number;
    try {
      size = (await stat(path)).size;
    } catch (error) {
      // the row says the bytes exist: a lost file is the server's fault, logged, never a silent 404
      this.logger.error(`file ${file.id} (${variant}): its bytes are missing at ${path}`);
      throw error;
    }
    const thumbnail = variant === 'thumbnail';
    const name = thumbnail ? file.name.replace(/\.[^.]*$/, '') + '.webp' : file.name;
    return {
      stream: this.store.read(sha256),
      mime: thumbnail ? 'image/webp' : file.mime,
      name,
      size,
      sha256,
      inline: isImageMime(file.mime),
    };
  }

  /** The bytes of a live file of the owner (or of its thumbnail); 404 FILE_NOT_FOUND when there are none. */
  async openOwned(
    reads: ScopedReads,
    scope: AccessScope,
    owner: FileOwner,
    fileId: string,
    variant: 'original' | 'thumbnail' = 'original',
  ): Promise<OpenedFile> {
    const file = await this.find(reads, scope, owner, fileId);
    const opened = file ? await this.open(file, variant) : null;
    if (!opened) throw FileErrors.FILE_NOT_FOUND();
    return opened;
  }

  toDto(file: StoredFile): StoredFileDto {
    return {
      id: file.id,
      name: file.name,
      mime: file.mime,
      size: file.size,
      width: file.width,
      height: file.height,
      image: isImageMime(file.mime),
      createdAt: new Date(file.createdAt).toISOString(),
      createdBy: file.createdBy,
    };
  }

  /** What the audit log keeps of a file. */
  auditOf(file: StoredFile | (PreparedFile & { id: string })): Record<string, unknown> {
    return { id: file.id, name: file.name, mime: file.mime, size: file.size, sha256: file.sha256 };
  }

  private ownerQuery(reads: ScopedReads, scope: AccessScope, owner: FileOwner, alias: string) {
    return reads
      .select(scope, StoredFile, alias)
      .andWhere(`${alias}.tenant_id = :ownerTenant AND ${alias}.owner_kind = :ownerKind AND ${alias}.owner_id = :ownerId`, {
        ownerTenant: owner.tenantId,
        ownerKind: owner.kind,
        ownerId: owner.id,
      })
      .andWhere(`${alias}.deleted_at IS NULL`);
  }
}
