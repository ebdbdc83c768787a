import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sign-in state that every API replica shares (docs/sign-in.md):
 * - `sign_in_backoff`: failed sign-ins per e-mail string (known or not) and per (e-mail, client
 *   address), with the back-off they earned. Keys are SHA-256 hashes of the normalised e-mail and
 *   of the address, so unknown e-mails typed by strangers are not kept in clear.
 * - `sign_in_devices`: browsers that signed in successfully (a long-lived device cookie, stored
 *   as a hash); they skip the e-mail-wide back-off that strangers can trigger.
 * - `rate_limit_hits`: the per-address request limit of the auth routes (a sliding window).
 * These rows exist before anyone is signed in and mostly belong to no user: the first and the
 * last carry no tenant_id. The per-user lock columns of `users` are replaced by them.
 */
export class SharedSignInState1764417000000 implements MigrationInterface {
  name = 'SharedSignInState1764417000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE sign_in_backoff (
        email_key text NOT NULL CHECK (email_key ~ '^[0-9a-f]{64}$'),
        -- '' is the e-mail's counter over every client; otherwise the hash of one client address
        client_key text NOT NULL CHECK (client_key = '' OR client_key ~ '^[0-9a-f]{64}$'),
        failures int NOT NULL CHECK (failures > 0),
        blocked_until timestamptz,
        last_failure_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (email_key, client_key)
      )`);
    await q.query(`CREATE INDEX sign_in_backoff_last_failure_idx ON sign_in_backoff (last_failure_at)`);

    await q.query(`
      CREATE TABLE sign_in_devices (
        token_hash text PRIMARY KEY CHECK (token_hash ~ '^[0-9a-f]{64}$'),
        tenant_id uuid REFERENCES tenants(tenant_id),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        email_key text NOT NULL CHECK (email_key ~ '^[0-9a-f]{64}$'),
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX sign_in_devices_user_idx ON sign_in_devices (user_id)`);
    await q.query(`CREATE INDEX sign_in_devices_expires_idx ON sign_in_devices (expires_at)`);

    await q.query(`
      CREATE TABLE rate_limit_hits (
        key text PRIMARY KEY,
        -- the accepted requests of the last window, oldest first
        hits timestamptz[] NOT NULL,
        -- whether the latest request fitted in the window (it is then in hits)
        last_accepted boolean NOT NULL,
        expires_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX rate_limit_hits_expires_idx ON rate_limit_hits (expires_at)`);

    await q.query(`ALTER TABLE users DROP COLUMN failed_logins, DROP COLUMN locked_until`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users ADD COLUMN failed_logins int NOT NULL DEFAULT 0, ADD COLUMN locked_until timestamptz`);
    for (const table of ['rate_limit_hits', 'sign_in_devices', 'sign_in_backoff']) await q.query(`DROP TABLE IF EXISTS ${table}`);
  }
}
