import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `collaboration_suggestions.current` goes (docs/collaborations.md "Stored suggestions"): whether a pair
 * is suggested by the last recompute is whether it is in `collaboration_open_suggestions`, which each
 * recompute replaces whole. Keeping the flag in step cost every recompute an anti-join over the table of
 * every pair and a write of each pair that left or came back (after a change of weights, thousands:
 * 0.7–1.4 s for the retire, most of the upsert's 0.8–1.6 s; docs/benchmarks.md, "Collaboration model"),
 * and nothing read it but the triggers below. The recompute now bumps `map_versions.collaboration_open`
 * itself, last (the open pairs may change without a write to this table).
 */
export class CollaborationNoCurrent1764890000000 implements MigrationInterface {
  name = 'CollaborationNoCurrent1764890000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION collaboration_open_forget_closed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        DELETE FROM collaboration_open_suggestions o USING new_rows n
         WHERE o.tenant_id = n.tenant_id AND o.organization_a = n.organization_a AND o.organization_b = n.organization_b
           AND n.status <> 'open';
        RETURN NULL;
      END $$`);
    await q.query(`DROP TRIGGER collaboration_suggestions_open_changed ON collaboration_suggestions`);
    await q.query(`
      CREATE CONSTRAINT TRIGGER collaboration_suggestions_open_changed AFTER UPDATE ON collaboration_suggestions
        DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
        WHEN (OLD.status IS DISTINCT FROM NEW.status
              OR OLD.municipality_a IS DISTINCT FROM NEW.municipality_a OR OLD.municipality_b IS DISTINCT FROM NEW.municipality_b
              OR OLD.themes IS DISTINCT FROM NEW.themes OR OLD.tenant_id IS DISTINCT FROM NEW.tenant_id)
        EXECUTE FUNCTION trama_map_touch('collaboration_open')`);
    await q.query(`ALTER TABLE collaboration_suggestions DROP COLUMN current`);
  }

  async down(q: QueryRunner): Promise<void> {
    // open pairs: current when in the open table; decided pairs: current (whether the last recompute
    // suggested them is not kept: the next recompute of the previous code sets it again)
    await q.query(`ALTER TABLE collaboration_suggestions ADD COLUMN current boolean NOT NULL DEFAULT true`);
    await q.query(
      `UPDATE collaboration_suggestions s SET current = false
        WHERE s.status = 'open' AND NOT EXISTS (SELECT 1 FROM collaboration_open_suggestions o
                                                 WHERE o.tenant_id = s.tenant_id AND o.organization_a = s.organization_a AND o.organization_b = s.organization_b)`,
    );
    await q.query(`DROP TRIGGER collaboration_suggestions_open_changed ON collaboration_suggestions`);
    await q.query(`
      CREATE CONSTRAINT TRIGGER collaboration_suggestions_open_changed AFTER UPDATE ON collaboration_suggestions
        DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
        WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.current IS DISTINCT FROM NEW.current
              OR OLD.municipality_a IS DISTINCT FROM NEW.municipality_a OR OLD.municipality_b IS DISTINCT FROM NEW.municipality_b
              OR OLD.themes IS DISTINCT FROM NEW.themes OR OLD.tenant_id IS DISTINCT FROM NEW.tenant_id)
        EXECUTE FUNCTION trama_map_touch('collaboration_open')`);
    await q.query(`
      CREATE OR REPLACE FUNCTION collaboration_open_forget_closed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        DELETE FROM collaboration_open_suggestions o USING new_rows n
         WHERE o.tenant_id = n.tenant_id AND o.organization_a = n.organization_a AND o.organization_b = n.organization_b
           AND (n.status <> 'open' OR NOT n.current);
        RETURN NULL;
      END $$`);
  }
}
