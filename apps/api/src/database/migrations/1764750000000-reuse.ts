import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The space-reuse model (issue 11, docs/reuse.md): each tenant's weights (one versioned row), the
 * stored scores of its buildings (replaced whole by the background recompute, one `run` at a time),
 * and the recompute's job row (claimed by one API replica through its version; progress for the page).
 */
export class Reuse1764750000000 implements MigrationInterface {
  name = 'Reuse1764750000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE reuse_weights (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenants(tenant_id),
        weights jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        created_by uuid,
        updated_by uuid,
        version int NOT NULL DEFAULT 1,
        CONSTRAINT reuse_weights_tenant_key UNIQUE (tenant_id)
      )`);
    await q.query(`
      CREATE TABLE reuse_scores (
        tenant_id uuid NOT NULL,
        building_id uuid NOT NULL,
        run int NOT NULL,
        score smallint NOT NULL CHECK (score BETWEEN 0 AND 100),
        parts jsonb NOT NULL,
        PRIMARY KEY (tenant_id, building_id, run),
        CONSTRAINT reuse_scores_building_fkey FOREIGN KEY (tenant_id, building_id) REFERENCES buildings(tenant_id, id) ON DELETE CASCADE
      )`);
    // the ranking: a tenant's buildings by score (the list joins the buildings' filters on building_id)
    await q.query(`CREATE INDEX reuse_scores_rank_idx ON reuse_scores (tenant_id, score DESC, building_id)`);
    await q.query(`
      CREATE TABLE reuse_jobs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenants(tenant_id),
        status text NOT NULL DEFAULT 'idle' CHECK (status IN ('idle', 'running', 'failed')),
        run int NOT NULL DEFAULT 0,
        requested_at timestamptz,
        started_at timestamptz,
        heartbeat_at timestamptz,
        finished_at timestamptz,
        total int,
        done int,
        duration_ms int,
        fingerprint text,
        error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        created_by uuid,
        updated_by uuid,
        version int NOT NULL DEFAULT 1,
        CONSTRAINT reuse_jobs_tenant_key UNIQUE (tenant_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS reuse_jobs`);
    await q.query(`DROP TABLE IF EXISTS reuse_scores`);
    await q.query(`DROP TABLE IF EXISTS reuse_weights`);
  }
}
