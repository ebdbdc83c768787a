import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A decision does not wait for a running recompute (docs/collaborations.md "Stored suggestions"). The
 * recompute replaces the tenant's open suggestions while its model runs (their DELETE, then a COPY of the
 * model's lines), so it holds those rows for seconds (3–5 s after a change of weights, ~12 s when Louvain
 * runs). The triggers that take a decided or deleted pair out of the open table waited for them: an
 * accept or a dismiss hung until the recompute's commit, then found the old row gone and missed the new
 * one (the pair stayed listed), and a pair the recompute's upsert also wrote deadlocked. Now they skip
 * the rows another transaction holds: those are the recompute's, whose last step takes every pair
 * decided by then out of its new rows (and a page lists only pairs whose row is still open).
 */
const forgetClosed = (condition: string) => `
  CREATE OR REPLACE FUNCTION collaboration_open_forget_closed() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    ${condition}
    RETURN NULL;
  END $$`;

export class CollaborationOpenSkipLocked1764890000001 implements MigrationInterface {
  name = 'CollaborationOpenSkipLocked1764890000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      forgetClosed(`DELETE FROM collaboration_open_suggestions o
       WHERE o.ctid = ANY (ARRAY(
         SELECT x.ctid FROM collaboration_open_suggestions x JOIN new_rows n
             ON x.tenant_id = n.tenant_id AND x.organization_a = n.organization_a AND x.organization_b = n.organization_b
          WHERE n.status <> 'open'
            FOR UPDATE OF x SKIP LOCKED));`),
    );
    await q.query(`
      CREATE OR REPLACE FUNCTION collaboration_open_forget_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        DELETE FROM collaboration_open_suggestions o
         WHERE o.ctid = ANY (ARRAY(
           SELECT x.ctid FROM collaboration_open_suggestions x JOIN old_rows d
               ON x.tenant_id = d.tenant_id AND x.organization_a = d.organization_a AND x.organization_b = d.organization_b
              FOR UPDATE OF x SKIP LOCKED));
        RETURN NULL;
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      forgetClosed(`DELETE FROM collaboration_open_suggestions o USING new_rows n
       WHERE o.tenant_id = n.tenant_id AND o.organization_a = n.organization_a AND o.organization_b = n.organization_b
         AND n.status <> 'open';`),
    );
    await q.query(`
      CREATE OR REPLACE FUNCTION collaboration_open_forget_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        DELETE FROM collaboration_open_suggestions o USING old_rows d
         WHERE o.tenant_id = d.tenant_id AND o.organization_a = d.organization_a AND o.organization_b = d.organization_b;
        RETURN NULL;
      END $$`);
  }
}
