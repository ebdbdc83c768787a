import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The organizations list's count (docs/benchmarks.md, "Lists at 1M"): `count(*)` of the tenant's
 * organizations not merged (and, for a municipality user, of their municipalities) was a sequential
 * scan of the 30,000 wide rows (15–33 ms of database). This narrow partial index holds exactly what
 * that count reads — tenant, municipality, merged ones left out —, so the count is an index-only scan.
 */
export class OrganizationsCountIndex1764820000002 implements MigrationInterface {
  name = 'OrganizationsCountIndex1764820000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX organizations_count_idx ON organizations (tenant_id, municipality_id) WHERE merged_into IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX organizations_count_idx`);
  }
}
