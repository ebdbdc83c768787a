import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The stored reuse scores lighter to replace (docs/reuse.md, "Stored scores"), as the recompute
 * replaces a tenant's 50,000 rows at once: their parts as compact text, and no foreign key to the
 * buildings (its check looked up and locked each building, `FOR KEY SHARE`). A score of a building deleted since the last run
 * is never read (the ranking and the building's page reach scores through the buildings) and goes
 * with the next run, which the deletion asks for (the data's fingerprint changes).
 */
export class ReuseScoresLight1764790000000 implements MigrationInterface {
  name = 'ReuseScoresLight1764790000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE reuse_scores DROP CONSTRAINT IF EXISTS reuse_scores_building_fkey`);
    // the parts as compact text (`encodeParts`: ~110 bytes instead of ~680 of jsonb): the stored runs
    // go, and a forgotten fingerprint makes the next read ask for a run
    await q.query(`DELETE FROM reuse_scores`);
    await q.query(`ALTER TABLE reuse_scores ALTER COLUMN parts TYPE text`);
    await q.query(`UPDATE reuse_jobs SET fingerprint = NULL`);
    // each run deletes and inserts a tenant's every row: vacuumed after 5% dead or inserted rows (not
    // the default 20%), the heap stays near two runs' size and the visibility map lets the ranking's
    // index scans skip the heap
    await q.query(
      `ALTER TABLE reuse_scores SET (autovacuum_vacuum_scale_factor = 0.05, autovacuum_vacuum_insert_scale_factor = 0.05, autovacuum_analyze_scale_factor = 0.05)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM reuse_scores`);
    await q.query(`ALTER TABLE reuse_scores ALTER COLUMN parts TYPE jsonb USING '[]'::jsonb`);
    await q.query(`UPDATE reuse_jobs SET fingerprint = NULL`);
    await q.query(
      `ALTER TABLE reuse_scores RESET (autovacuum_vacuum_scale_factor, autovacuum_vacuum_insert_scale_factor, autovacuum_analyze_scale_factor)`,
    );
    await q.query(
      `DELETE FROM reuse_scores s WHERE NOT EXISTS (SELECT 1 FROM buildings b WHERE b.tenant_id = s.tenant_id AND b.id = s.building_id)`,
    );
    await q.query(
      `ALTER TABLE reuse_scores ADD CONSTRAINT reuse_scores_building_fkey FOREIGN KEY (tenant_id, building_id) REFERENCES buildings(tenant_id, id) ON DELETE CASCADE`,
    );
  }
}
