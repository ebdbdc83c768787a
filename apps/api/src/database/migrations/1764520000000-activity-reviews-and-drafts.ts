import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 8, "review that cannot go wrong by accident" and "activities a field worker expects"
 * (docs/activities.md):
 *
 * - `activity_reviews`: every review decision (approve, return, reopen) of every round, written in
 *   the transaction of the status change, so the thread of comments survives the next round. An
 *   undone decision keeps its row (`undone_at`); `seen_at` is when the author first opened the
 *   returned activity (its comment can be edited by its reviewer until then). Existing reviews are
 *   carried over as round 1 (seen: their author may have read them long ago).
 * - `activities.review_round`: the number of submissions so far; a decision belongs to that round.
 * - soft delete of drafts: `status = 'deleted'` with `deleted_at`/`deleted_by`. The status (not only
 *   `deleted_at`) says it because `status` is in the INCLUDE of every list index: the readable rule's
 *   `status <> 'deleted'` keeps the capped counts index-only (a `deleted_at IS NULL` would read the heap).
 * - partial drafts: type, title, duration and participants may be missing while the activity is a
 *   draft; any other status needs them (CHECK). Municipality and date stay required: the access rule
 *   and the list order rest on them.
 */
export class ActivityReviewsAndDrafts1764520000000 implements MigrationInterface {
  name = 'ActivityReviewsAndDrafts1764520000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE activities
      ADD COLUMN review_round int NOT NULL DEFAULT 0 CHECK (review_round >= 0),
      ADD COLUMN deleted_at timestamptz,
      ADD COLUMN deleted_by uuid REFERENCES users(id),
      ALTER COLUMN type DROP NOT NULL,
      ALTER COLUMN title DROP NOT NULL,
      ALTER COLUMN duration_minutes DROP NOT NULL,
      ALTER COLUMN participants_total DROP NOT NULL,
      DROP CONSTRAINT activities_status_check,
      ADD CONSTRAINT activities_status_check CHECK (status IN ('draft', 'submitted', 'approved', 'returned', 'deleted')),
      DROP CONSTRAINT activities_submitted_has_time,
      ADD CONSTRAINT activities_submitted_has_time CHECK (status IN ('draft', 'deleted') OR submitted_at IS NOT NULL),
      ADD CONSTRAINT activities_deleted_stamp CHECK ((status = 'deleted') = (deleted_at IS NOT NULL)),
      ADD CONSTRAINT activities_complete_unless_draft CHECK (
        status IN ('draft', 'deleted')
        OR (type IS NOT NULL AND title IS NOT NULL AND duration_minutes IS NOT NULL AND participants_total IS NOT NULL))`);
    await q.query(`UPDATE activities SET review_round = 1 WHERE status <> 'draft'`);

    await q.query(`
      CREATE TABLE activity_reviews (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenants(tenant_id),
        activity_id uuid NOT NULL,
        round int NOT NULL CHECK (round >= 1),
        decision text NOT NULL CHECK (decision IN ('approve', 'return', 'reopen')),
        comment text CHECK (length(comment) <= 2000),
        reviewer_id uuid NOT NULL REFERENCES users(id),
        at timestamptz NOT NULL DEFAULT now(),
        edited_at timestamptz,
        seen_at timestamptz,
        undone_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        created_by uuid, updated_by uuid,
        version int NOT NULL DEFAULT 1,
        FOREIGN KEY (tenant_id, activity_id) REFERENCES activities (tenant_id, id)
      )`);
    await q.query(`CREATE INDEX activity_reviews_activity_idx ON activity_reviews (tenant_id, activity_id, at, id)`);
    await q.query(`
      INSERT INTO activity_reviews (tenant_id, activity_id, round, decision, comment, reviewer_id, at, seen_at, created_at, updated_at)
      SELECT tenant_id, id, 1, CASE status WHEN 'approved' THEN 'approve' ELSE 'return' END, review_comment, reviewed_by,
             reviewed_at, reviewed_at, reviewed_at, reviewed_at
        FROM activities
       WHERE reviewed_at IS NOT NULL AND reviewed_by IS NOT NULL AND status IN ('approved', 'returned', 'submitted')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS activity_reviews`);
    // incomplete drafts cannot go back to NOT NULL columns: they go with the deleted ones (their organization links cascade)
    const gone = `status = 'deleted' OR type IS NULL OR title IS NULL OR duration_minutes IS NULL OR participants_total IS NULL`;
    await q.query(`DELETE FROM activities WHERE ${gone}`);
    await q.query(`ALTER TABLE activities
      DROP CONSTRAINT activities_complete_unless_draft,
      DROP CONSTRAINT activities_deleted_stamp,
      DROP CONSTRAINT activities_submitted_has_time,
      ADD CONSTRAINT activities_submitted_has_time CHECK (status = 'draft' OR submitted_at IS NOT NULL),
      DROP CONSTRAINT activities_status_check,
      ADD CONSTRAINT activities_status_check CHECK (status IN ('draft', 'submitted', 'approved', 'returned')),
      DROP COLUMN deleted_by,
      DROP COLUMN deleted_at,
      DROP COLUMN review_round,
      ALTER COLUMN type SET NOT NULL,
      ALTER COLUMN title SET NOT NULL,
      ALTER COLUMN duration_minutes SET NOT NULL,
      ALTER COLUMN participants_total SET NOT NULL`);
  }
}
