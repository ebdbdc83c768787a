import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The open suggestions of the last recompute in a table of their own (docs/collaborations.md "Stored
 * suggestions"): what a page of open suggestions lists, narrow (score, short reasons, the columns the
 * filters and the territory rule read), replaced whole by each recompute (one DELETE, then the model's
 * output loaded straight in by COPY) instead of an update of every row of `collaboration_suggestions`. There, a change of weights
 * rewrote 125,000 wide rows through seven indexes (8–10 s) and left the table and its page index
 * bloated (the page's count a 236 ms scan of 323 MB; docs/benchmarks.md, "Collaboration model").
 * `collaboration_suggestions` keeps one row per pair for ever (id, decision, outcome, the score and
 * reasons of the decided ones) and is written only for what changes there: a new pair, a pair that
 * leaves or comes back, reasons that change (the dismissal key), a decided pair's score.
 *
 * Triggers keep the two in step within any transaction: a suggestion deleted (its organization deleted
 * or merged away), decided (accepted, dismissed) or no longer current leaves the open table.
 */
export class CollaborationOpenSuggestions1764870000000 implements MigrationInterface {
  name = 'CollaborationOpenSuggestions1764870000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE collaboration_open_suggestions (
        tenant_id uuid NOT NULL,
        organization_a uuid NOT NULL,
        organization_b uuid NOT NULL,
        municipality_a uuid NOT NULL,
        municipality_b uuid NOT NULL,
        themes text[] NOT NULL DEFAULT '{}',
        score real NOT NULL CHECK (score BETWEEN 0 AND 100),
        -- the short form of model/reason-codec.ts; null for a pair stored before migration 1764860000000
        -- (the reader takes its jsonb reasons from collaboration_suggestions until the next recompute)
        reasons_text text,
        -- md5 of the dismissal key (the recompute compares it with the pair's row)
        reasons_key text NOT NULL,
        -- the pair, as in collaboration_suggestions (whose id a page reads for its 20 rows): the recompute
        -- loads this table straight from the model's output, with no id to look up first
        PRIMARY KEY (tenant_id, organization_a, organization_b)
      )`);
    // the page: best first, the territory rule and every filter read from the index alone
    await q.query(
      `CREATE INDEX collaboration_open_suggestions_rank_idx ON collaboration_open_suggestions (tenant_id, score DESC, organization_a, organization_b)
         INCLUDE (municipality_a, municipality_b, themes)`,
    );
    await q.query(
      `INSERT INTO collaboration_open_suggestions
         (tenant_id, organization_a, organization_b, municipality_a, municipality_b, themes, score, reasons_text, reasons_key)
       SELECT tenant_id, organization_a, organization_b, municipality_a, municipality_b, themes, score, reasons_text, reasons_key
         FROM collaboration_suggestions WHERE status = 'open' AND current`,
    );
    await q.query(`
      CREATE FUNCTION collaboration_open_forget_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        DELETE FROM collaboration_open_suggestions o USING old_rows d
         WHERE o.tenant_id = d.tenant_id AND o.organization_a = d.organization_a AND o.organization_b = d.organization_b;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER collaboration_open_forget_deleted AFTER DELETE ON collaboration_suggestions
        REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION collaboration_open_forget_deleted()`);
    await q.query(`
      CREATE FUNCTION collaboration_open_forget_closed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        DELETE FROM collaboration_open_suggestions o USING new_rows n
         WHERE o.tenant_id = n.tenant_id AND o.organization_a = n.organization_a AND o.organization_b = n.organization_b
           AND (n.status <> 'open' OR NOT n.current);
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER collaboration_open_forget_closed AFTER UPDATE ON collaboration_suggestions
        REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION collaboration_open_forget_closed()`);
    // the page reads the open table now: the index of open rows on the wide table is no longer needed
    await q.query(`DROP INDEX collaboration_suggestions_open_idx`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX collaboration_suggestions_open_idx ON collaboration_suggestions (tenant_id, score DESC, id)
         INCLUDE (municipality_a, municipality_b, themes) WHERE status = 'open' AND current`,
    );
    // the open rows' current score and reasons back onto the wide table
    await q.query(
      `UPDATE collaboration_suggestions s SET score = o.score, reasons_text = coalesce(o.reasons_text, s.reasons_text)
         FROM collaboration_open_suggestions o
        WHERE o.tenant_id = s.tenant_id AND o.organization_a = s.organization_a AND o.organization_b = s.organization_b`,
    );
    await q.query(`DROP TRIGGER collaboration_open_forget_closed ON collaboration_suggestions`);
    await q.query(`DROP TRIGGER collaboration_open_forget_deleted ON collaboration_suggestions`);
    await q.query(`DROP FUNCTION collaboration_open_forget_closed()`);
    await q.query(`DROP FUNCTION collaboration_open_forget_deleted()`);
    await q.query(`DROP TABLE collaboration_open_suggestions`);
  }
}
