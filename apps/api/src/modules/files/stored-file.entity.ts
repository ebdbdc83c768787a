import { Column, Entity } from 'typeorm';
import { BaseRecord } from '../../common/database/base-record';

/** A stored file's metadata; its bytes are on disk under TRAMA_FILES_DIR, named by `sha256` (docs/files.md). */
@Entity({ name: 'files' })
export class StoredFile extends BaseRecord {
  /** what owns it: `activity`, `tenant_logo`, … (the owning feature decides who reads it) */
  @Column({ name: 'owner_kind', type: 'text' })
  ownerKind: string;

  @Column({ name: 'owner_id', type: 'uuid' })
  ownerId: string;

  /** the original name, sanitised (no path, no control characters), extension matching the content */
  @Column({ type: 'text' })
  name: string;

  /** detected from the content, never from the name or the client */
  @Column({ type: 'text' })
  mime: string;

  /** bytes of the stored (re-encoded, for images) file */
  @Column({ type: 'int' })
  size: number;

  @Column({ type: 'int', nullable: true })
  width: number | null;

  @Column({ type: 'int', nullable: true })
  height: number | null;

  @Column({ type: 'text' })
  sha256: string;

  @Column({ name: 'thumbnail_sha256', type: 'text', nullable: true })
  thumbnailSha256: string | null;

  /** the uploader's key (the offline outbox's clientId): a retried upload with it returns this file */
  @Column({ name: 'client_id', type: 'uuid', nullable: true })
  clientId: string | null;

  @Column({ name: 'deleted_at', type: 'timestamptz', nullable: true })
  deletedAt: Date | null;
}
