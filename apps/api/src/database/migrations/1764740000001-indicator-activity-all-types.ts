import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `indicator_activity_months` also keeps, per tenant, municipality and month, the total of every
 * type under `type = '*'` (not an activity type), so the roll-up of all types reads ~1,500 rows
 * instead of ~16,000, by the index on (tenant, type, month) (docs/indicators-rollup.md). The triggers of migration 1764730000000 are
 * replaced by the same ones writing each change twice: under its type and under `*`.
 */
export class IndicatorActivityAllTypes1764740000001 implements MigrationInterface {
  name = 'IndicatorActivityAllTypes1764740000001';

  async up(q: QueryRunner): Promise<void> {
    await this.functions(q, true);
    await q.query(`
      INSERT INTO indicator_activity_months (tenant_id, municipality_id, month, type, activities, participants)
      SELECT tenant_id, municipality_id, month, '*', sum(activities)::int, sum(participants)::bigint
        FROM indicator_activity_months GROUP BY tenant_id, municipality_id, month
       ORDER BY tenant_id, month, municipality_id`);
    await q.query(
      `CREATE INDEX indicator_activity_months_type_idx ON indicator_activity_months (tenant_id, type, month) INCLUDE (municipality_id, activities, participants)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS indicator_activity_months_type_idx`);
    await this.functions(q, false);
    await q.query(`DELETE FROM indicator_activity_months WHERE type = '*'`);
  }

  private async functions(q: QueryRunner, allTypes: boolean): Promise<void> {
    const upsert = (rows: string) => `
      INSERT INTO indicator_activity_months AS s (tenant_id, municipality_id, month, type, activities, participants)
      SELECT tenant_id, municipality_id, month, t.type, sum(n)::int, sum(p)::bigint
        FROM (${rows}) d
       CROSS JOIN LATERAL (VALUES (d.type)${allTypes ? `, ('*')` : ''}) AS t(type)
       GROUP BY tenant_id, municipality_id, month, t.type
      HAVING sum(n) <> 0 OR sum(p) <> 0
       ORDER BY tenant_id, month, municipality_id, t.type
      ON CONFLICT (tenant_id, month, municipality_id, type)
      DO UPDATE SET activities = s.activities + EXCLUDED.activities, participants = s.participants + EXCLUDED.participants`;
    const approved = (table: string, sign: string) =>
      `SELECT tenant_id, municipality_id, date_trunc('month', date)::date AS month, type, ${sign}1 AS n, ${sign}participants_total::bigint AS p
         FROM ${table} WHERE status = 'approved'`;
    await q.query(`
      CREATE OR REPLACE FUNCTION indicator_activity_months_insert() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        ${upsert(approved('new_rows', ''))};
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE OR REPLACE FUNCTION indicator_activity_months_update() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        ${upsert(`${approved('new_rows', '')} UNION ALL ${approved('old_rows', '-')}`)};
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE OR REPLACE FUNCTION indicator_activity_months_delete() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        ${upsert(approved('old_rows', '-'))};
        RETURN NULL;
      END $$`);
  }
}
