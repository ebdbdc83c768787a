import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Covering indexes for the staff-output dashboard (modules/staff-output), measured on 1,000,000
 * activities in one tenant (see that module's README):
 * - activities_output_idx: the period aggregate (count, minutes and participants per author, status
 *   and type over a date range) becomes an index-only range scan; without it PostgreSQL reads the
 *   heap (a parallel seq scan for a quarter: ~1.6 s instead of ~35 ms).
 * - activities_review_idx: review times are taken over the activities *reviewed* in the period, and
 *   no index led with reviewed_at (the plan read every approved or returned row of the tenant:
 *   ~4 s for any period). Partial: only reviewed statuses have a meaningful reviewed_at.
 */
export class StaffOutputIndexes1764310000000 implements MigrationInterface {
  name = 'StaffOutputIndexes1764310000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX activities_output_idx ON activities (tenant_id, date) INCLUDE (author_id, status, type, duration_minutes, participants_total)`,
    );
    await q.query(
      `CREATE INDEX activities_review_idx ON activities (tenant_id, reviewed_at) INCLUDE (author_id, submitted_at, status, id)
        WHERE status IN ('approved', 'returned')`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS activities_review_idx`);
    await q.query(`DROP INDEX IF EXISTS activities_output_idx`);
  }
}
