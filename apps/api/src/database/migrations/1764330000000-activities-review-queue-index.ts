import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The review queue (`GET /api/activities?status=submitted&sort=submitted`) lists the submitted
 * activities oldest submission first. No index led with submitted_at, so every page sorted all the
 * tenant's submitted activities; this partial index holds only those (few: they leave it once
 * reviewed) in queue order, and carries what the readable predicate of innovators tests.
 */
export class ActivitiesReviewQueueIndex1764330000000 implements MigrationInterface {
  name = 'ActivitiesReviewQueueIndex1764330000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX activities_review_queue_idx ON activities (tenant_id, submitted_at, id) INCLUDE (municipality_id, author_id)
        WHERE status = 'submitted'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS activities_review_queue_idx`);
  }
}
