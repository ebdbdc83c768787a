import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The file store's metadata (docs/files.md). The bytes live on disk under TRAMA_FILES_DIR,
 * addressed by the SHA-256 of what is stored; a row says whose file it is (`owner_kind` +
 * `owner_id`: an activity's attachment, a tenant's logo, next a building's photo), what it is by
 * content (`mime`, `width`/`height` for images), and its thumbnail. The owner is polymorphic (no
 * foreign key): the owning feature checks it exists and decides who reads it. Deletion is soft
 * (`deleted_at`), so the audit trail can still name what was removed.
 */
export class Files1764500000000 implements MigrationInterface {
  name = 'Files1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE files (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenants(tenant_id),
        owner_kind text NOT NULL CHECK (owner_kind ~ '^[a-z][a-z_]{0,39}$'),
        owner_id uuid NOT NULL,
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        mime text NOT NULL CHECK (length(mime) BETWEEN 3 AND 100),
        size int NOT NULL CHECK (size > 0),
        width int CHECK (width > 0),
        height int CHECK (height > 0),
        sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        thumbnail_sha256 text CHECK (thumbnail_sha256 ~ '^[0-9a-f]{64}$'),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        created_by uuid REFERENCES users(id),
        updated_by uuid,
        version int NOT NULL DEFAULT 1,
        deleted_at timestamptz,
        CONSTRAINT files_tenant_id_key UNIQUE (tenant_id, id)
      )`);
    // an owner's live files, oldest first (the attachment list, the per-owner cap, the current logo)
    await q.query(`CREATE INDEX files_owner_idx ON files (tenant_id, owner_kind, owner_id, created_at) WHERE deleted_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS files`);
  }
}
