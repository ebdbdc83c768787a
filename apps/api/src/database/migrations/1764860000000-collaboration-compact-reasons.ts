import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The collaboration recompute writes less (docs/collaborations.md "Stored suggestions", docs/benchmarks.md
 * "Collaboration model"): at 125,000 suggestions per tenant, a change of weights rewrote every row with
 * ~1 KB of reasons as jsonb and ~250 characters of dismissal key.
 * - `reasons_text`: the reasons in the short text form of `model/reason-codec.ts` (~150 bytes). Rows
 *   written before keep their jsonb `reasons` until their pair is computed again (the reader takes either);
 * - `reasons_key` and `dismissed_key` hold the md5 of the key they held (the same key, 32 characters):
 *   a pair dismissed before this migration still comes back only when its reasons change;
 * - `collaboration_suggestions_rank_idx` no longer holds the open current rows, which
 *   `collaboration_suggestions_open_idx` already serves (the page of open suggestions): a rewritten
 *   open suggestion is one index entry fewer.
 */
export class CollaborationCompactReasons1764860000000 implements MigrationInterface {
  name = 'CollaborationCompactReasons1764860000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE collaboration_suggestions ADD COLUMN reasons_text text, ALTER COLUMN reasons DROP NOT NULL`);
    await q.query(
      `ALTER TABLE collaboration_suggestions ADD CONSTRAINT collaboration_suggestions_reasons CHECK (reasons IS NOT NULL OR reasons_text IS NOT NULL)`,
    );
    await q.query(
      `UPDATE collaboration_suggestions SET reasons_key = md5(reasons_key), dismissed_key = md5(dismissed_key)
        WHERE length(reasons_key) <> 32 OR length(dismissed_key) <> 32`,
    );
    await q.query(`DROP INDEX collaboration_suggestions_rank_idx`);
    await q.query(
      `CREATE INDEX collaboration_suggestions_rank_idx ON collaboration_suggestions (tenant_id, status, score DESC, id)
         INCLUDE (municipality_a, municipality_b) WHERE status <> 'open'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX collaboration_suggestions_rank_idx`);
    await q.query(
      `CREATE INDEX collaboration_suggestions_rank_idx ON collaboration_suggestions (tenant_id, status, score DESC, id)
         INCLUDE (municipality_a, municipality_b) WHERE current OR status <> 'open'`,
    );
    // the keys' md5 cannot be undone: the next recompute writes every pair's key again (dismissed pairs reopen)
    await q.query(`UPDATE collaboration_suggestions SET reasons = '[]'::jsonb WHERE reasons IS NULL`);
    await q.query(`ALTER TABLE collaboration_suggestions DROP CONSTRAINT collaboration_suggestions_reasons`);
    await q.query(`ALTER TABLE collaboration_suggestions DROP COLUMN reasons_text, ALTER COLUMN reasons SET NOT NULL`);
  }
}
