import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An upload may carry the client's key (`clientId`, the offline outbox's: docs/field-mode.md), so that
 * an upload retried after a lost answer returns the file stored the first time instead of a second
 * copy. Unique per owner among the files that have one; old rows and keyless uploads have none.
 */
export class FileClientId1764780000000 implements MigrationInterface {
  name = 'FileClientId1764780000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE files ADD COLUMN client_id uuid`);
    await q.query(
      `CREATE UNIQUE INDEX files_owner_client_id_key ON files (tenant_id, owner_kind, owner_id, client_id) WHERE client_id IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS files_owner_client_id_key`);
    await q.query(`ALTER TABLE files DROP COLUMN IF EXISTS client_id`);
  }
}
