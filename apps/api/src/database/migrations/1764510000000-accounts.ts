import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Accounts (docs/sign-in.md):
 * - `users.temporary_password_expires_at`: set when a coordinator or an admin set the password
 *   (creation, reset). While it is set the user must change the password before anything else;
 *   after it the password no longer signs in. Their own change, or a reset by e-mail, clears it.
 * - `password_reset_tokens`: the links "Password dimenticata?" sends, stored as SHA-256 hashes,
 *   single use and short-lived. They exist before anyone is signed in (no scope).
 */
export class Accounts1764510000000 implements MigrationInterface {
  name = 'Accounts1764510000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users ADD COLUMN temporary_password_expires_at timestamptz`);
    await q.query(`
      CREATE TABLE password_reset_tokens (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        token_hash text NOT NULL UNIQUE CHECK (token_hash ~ '^[0-9a-f]{64}$'),
        tenant_id uuid REFERENCES tenants(tenant_id),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        used_at timestamptz
      )`);
    await q.query(`CREATE INDEX password_reset_tokens_user_idx ON password_reset_tokens (user_id)`);
    await q.query(`CREATE INDEX password_reset_tokens_expires_idx ON password_reset_tokens (expires_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE password_reset_tokens`);
    await q.query(`ALTER TABLE users DROP COLUMN temporary_password_expires_at`);
  }
}
