import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The registers' list orders as covering indexes (docs/benchmarks.md, "Deep pages"). A list page
 * first reads its ids (`SELECT id … ORDER BY lower(name), id OFFSET … LIMIT 50`), then their rows.
 * PostgreSQL answers the first from an index alone only when the index holds every column the
 * query names — and for an expression key (`lower(name)`) that includes the column itself (`name`):
 * without it, page 200 fetched 10,000 heap rows; with it, it is an index-only scan of 10,000 entries.
 * The rules' columns (municipality, merged, stage) are INCLUDEd for the same reason.
 * The stale lists get their whole order in the key (verification date, then name, then id).
 */
export class ListOrderCoveringIndexes1764720000001 implements MigrationInterface {
  name = 'ListOrderCoveringIndexes1764720000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX buildings_name_idx`);
    await q.query(`CREATE INDEX buildings_name_idx ON buildings (tenant_id, lower(name), id) INCLUDE (name, municipality_id)`);
    await q.query(`DROP INDEX buildings_verified_idx`);
    await q.query(
      `CREATE INDEX buildings_verified_idx ON buildings (tenant_id, last_verified_at NULLS FIRST, lower(name), id)
         INCLUDE (name, municipality_id, stage)`,
    );
    await q.query(`DROP INDEX organizations_name_idx`);
    await q.query(
      `CREATE INDEX organizations_name_idx ON organizations (tenant_id, lower(name), id) INCLUDE (name, municipality_id, merged_into)`,
    );
    await q.query(`DROP INDEX organizations_verified_idx`);
    await q.query(
      `CREATE INDEX organizations_verified_idx ON organizations (tenant_id, last_verified_at NULLS FIRST, lower(name), id)
         INCLUDE (name, municipality_id) WHERE merged_into IS NULL`,
    );
    await q.query(`DROP INDEX initiatives_title_idx`);
    await q.query(`CREATE INDEX initiatives_title_idx ON initiatives (tenant_id, lower(title), id) INCLUDE (title)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX initiatives_title_idx`);
    await q.query(`CREATE INDEX initiatives_title_idx ON initiatives (tenant_id, lower(title), id)`);
    await q.query(`DROP INDEX organizations_verified_idx`);
    await q.query(
      `CREATE INDEX organizations_verified_idx ON organizations (tenant_id, last_verified_at NULLS FIRST) WHERE merged_into IS NULL`,
    );
    await q.query(`DROP INDEX organizations_name_idx`);
    await q.query(`CREATE INDEX organizations_name_idx ON organizations (tenant_id, lower(name), id)`);
    await q.query(`DROP INDEX buildings_verified_idx`);
    await q.query(`CREATE INDEX buildings_verified_idx ON buildings (tenant_id, last_verified_at NULLS FIRST)`);
    await q.query(`DROP INDEX buildings_name_idx`);
    await q.query(`CREATE INDEX buildings_name_idx ON buildings (tenant_id, lower(name), id)`);
  }
}
