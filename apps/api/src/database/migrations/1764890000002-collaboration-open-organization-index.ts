import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The open suggestions of one organization (the list's organization filter, an organization's page):
 * the key `(tenant, organization_a, organization_b)` finds the pairs where it is the first, nothing
 * found those where it is the second, and the query read the whole open table (a parallel scan of 124,000
 * rows, 58 ms in the database at 1M activities, once the open table was loaded in the order the model
 * finds the pairs rather than best first: docs/benchmarks.md, "Collaboration model"). With this index
 * both sides are index scans.
 */
export class CollaborationOpenOrganizationIndex1764890000002 implements MigrationInterface {
  name = 'CollaborationOpenOrganizationIndex1764890000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX collaboration_open_suggestions_b_idx ON collaboration_open_suggestions (tenant_id, organization_b)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX collaboration_open_suggestions_b_idx`);
  }
}
