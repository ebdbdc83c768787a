import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The coordinator home lists the activities returned long ago and not resubmitted (status still
 * `returned`, last review before a cutoff), oldest first, with their count. activities_review_idx
 * holds approved activities too (most of the table), so that range read every approved row reviewed
 * before the cutoff; this partial index holds only the returned ones (few: they leave it once
 * resubmitted), so count and oldest page are index-only reads of a small index.
 */
export class ActivitiesReturnedIndex1764530000000 implements MigrationInterface {
  name = 'ActivitiesReturnedIndex1764530000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX activities_returned_idx ON activities (tenant_id, reviewed_at, id) INCLUDE (author_id, municipality_id)
        WHERE status = 'returned'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS activities_returned_idx`);
  }
}
