import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The buildings register has landed (1764600000000): the two references to a building get their
 * tenant-bound foreign keys, `(tenant_id, building_id) → buildings (tenant_id, id)`, on
 * `activities.building_id` (the building where an activity took place) and `initiatives.building_id`
 * (the hosting building). Refused if any value would not satisfy them (each must be null or a building
 * of the row's tenant). Indexes for the buildings' monitoring (activities held, initiatives hosted).
 */
export class BuildingLinks1764620000001 implements MigrationInterface {
  name = 'BuildingLinks1764620000001';

  async up(q: QueryRunner): Promise<void> {
    for (const table of ['activities', 'initiatives']) {
      const [bad] = await q.query(
        `SELECT count(*)::int AS n FROM ${table} x
          WHERE x.building_id IS NOT NULL
            AND NOT EXISTS (SELECT 1 FROM buildings b WHERE b.tenant_id = x.tenant_id AND b.id = x.building_id)`,
      );
      if (bad.n > 0)
        throw new Error(`${table}.building_id holds ${bad.n} values that are not buildings of the row's tenant: fix them first`);
    }
    await q.query(
      `ALTER TABLE activities ADD CONSTRAINT activities_tenant_building_fkey FOREIGN KEY (tenant_id, building_id) REFERENCES buildings (tenant_id, id)`,
    );
    await q.query(
      `ALTER TABLE initiatives ADD CONSTRAINT initiatives_tenant_building_fkey FOREIGN KEY (tenant_id, building_id) REFERENCES buildings (tenant_id, id)`,
    );
    await q.query(
      `CREATE INDEX IF NOT EXISTS activities_building_idx ON activities (tenant_id, building_id, date DESC, id DESC) WHERE building_id IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS activities_building_idx`);
    await q.query(`ALTER TABLE initiatives DROP CONSTRAINT IF EXISTS initiatives_tenant_building_fkey`);
    await q.query(`ALTER TABLE activities DROP CONSTRAINT IF EXISTS activities_tenant_building_fkey`);
  }
}
