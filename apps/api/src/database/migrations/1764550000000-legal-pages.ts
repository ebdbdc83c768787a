import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The accessibility statement (AgID model) and the privacy notice (GDPR art. 13) of each tenant,
 * once saved by a coordinator (docs/legal-pages.md): structured fields in `content`, one row per
 * tenant and kind. Before the first save the API derives a default from the tenant.
 */
export class LegalPages1764550000000 implements MigrationInterface {
  name = 'LegalPages1764550000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE legal_pages (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenants(tenant_id),
        kind text NOT NULL CHECK (kind IN ('accessibility', 'privacy')),
        content jsonb NOT NULL CHECK (jsonb_typeof(content) = 'object'),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        created_by uuid,
        updated_by uuid,
        version int NOT NULL DEFAULT 1 CHECK (version > 0),
        CONSTRAINT legal_pages_tenant_kind_key UNIQUE (tenant_id, kind)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE legal_pages`);
  }
}
