import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Field mode (docs/field-mode.md): the last successful sync of each innovator's device, written by
 * `GET /api/sync/reference` when a round completes and read by the staff-output dashboard. One row
 * per (user, device); the device id is a random string the browser keeps in localStorage.
 */
export class SyncDevices1764770000000 implements MigrationInterface {
  name = 'SyncDevices1764770000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE sync_devices (
        tenant_id uuid NOT NULL REFERENCES tenants(tenant_id),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        device_id text NOT NULL CHECK (device_id ~ '^[A-Za-z0-9_-]{1,64}$'),
        last_sync_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, user_id, device_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS sync_devices`);
  }
}
