import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The map layer and the lists' `bbox` filter (docs/map.md) select activities by `point(lon, lat)
 * <@ box(…)`: a GiST index on that expression, partial on the placed ones (the form the query
 * writes, so the planner can prove it applies). Tenants are metropolitan cities and never overlap
 * on the ground, so the box alone is selective per tenant; the tenant and the rule are checked on
 * the rows the index returns.
 */
export class ActivitiesPointIndex1764630000000 implements MigrationInterface {
  name = 'ActivitiesPointIndex1764630000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX activities_point_idx ON activities USING gist (point(lon, lat)) WHERE lat IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS activities_point_idx`);
  }
}
