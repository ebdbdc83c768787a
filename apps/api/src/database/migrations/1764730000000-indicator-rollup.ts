import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The computed indicators' read side (docs/indicators-rollup.md).
 *
 * - `indicator_activity_months`: approved activities and their participants per tenant,
 *   municipality, month (Europe/Rome calendar: an activity's `date` is already a local day) and
 *   type. Kept by statement-level triggers on `activities` in the **same transaction** as the
 *   change (an approval, an edit of an approved activity's date/municipality/type/participants,
 *   a return, a delete), through transition tables, so a bulk insert of 5,000 rows is one upsert.
 *   At 1,000,000 activities the roll-up of five years reads ~25,000 summary rows instead of
 *   800,000 index entries (docs/benchmarks.md). Upserts run in key order so two transactions
 *   touching the same cells lock them in the same order (no deadlock).
 * - Indexes for the read-time computed indicators: initiatives by end date (realised) and by
 *   start date (running), buildings and organizations by creation time (stocks), stage changes by
 *   stage and time (buildings per stage and reactivated).
 */
export class IndicatorRollup1764730000000 implements MigrationInterface {
  name = 'IndicatorRollup1764730000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE indicator_activity_months (
        tenant_id uuid NOT NULL REFERENCES tenants(tenant_id),
        municipality_id uuid NOT NULL,
        month date NOT NULL CHECK (month = date_trunc('month', month)::date),
        type text NOT NULL,
        activities int NOT NULL,
        participants bigint NOT NULL,
        PRIMARY KEY (tenant_id, month, municipality_id, type),
        FOREIGN KEY (tenant_id, municipality_id) REFERENCES municipalities (tenant_id, id)
      )`);

    const upsert = (rows: string) => `
      INSERT INTO indicator_activity_months AS s (tenant_id, municipality_id, month, type, activities, participants)
      SELECT tenant_id, municipality_id, month, type, sum(n)::int, sum(p)::bigint
        FROM (${rows}) d
       GROUP BY tenant_id, municipality_id, month, type
      HAVING sum(n) <> 0 OR sum(p) <> 0
       ORDER BY tenant_id, month, municipality_id, type
      ON CONFLICT (tenant_id, month, municipality_id, type)
      DO UPDATE SET activities = s.activities + EXCLUDED.activities, participants = s.participants + EXCLUDED.participants`;
    const approved = (table: string, sign: string) =>
      `SELECT tenant_id, municipality_id, date_trunc('month', date)::date AS month, type, ${sign}1 AS n, ${sign}participants_total::bigint AS p
         FROM ${table} WHERE status = 'approved'`;

    await q.query(`
      CREATE FUNCTION indicator_activity_months_insert() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        ${upsert(approved('new_rows', ''))};
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE FUNCTION indicator_activity_months_update() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        ${upsert(`${approved('new_rows', '')} UNION ALL ${approved('old_rows', '-')}`)};
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE FUNCTION indicator_activity_months_delete() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        ${upsert(approved('old_rows', '-'))};
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER indicator_activity_months_insert AFTER INSERT ON activities
        REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION indicator_activity_months_insert()`);
    await q.query(`
      CREATE TRIGGER indicator_activity_months_update AFTER UPDATE ON activities
        REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION indicator_activity_months_update()`);
    await q.query(`
      CREATE TRIGGER indicator_activity_months_delete AFTER DELETE ON activities
        REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION indicator_activity_months_delete()`);
    // what exists already
    await q.query(upsert(approved('activities', '')));

    await q.query(
      `CREATE INDEX initiatives_indicator_end_idx ON initiatives (tenant_id, end_date) INCLUDE (status, start_date) WHERE status = 'completed'`,
    );
    await q.query(
      `CREATE INDEX initiatives_indicator_running_idx ON initiatives (tenant_id, start_date) INCLUDE (end_date, status)
         WHERE status IN ('running', 'completed', 'stopped')`,
    );
    await q.query(`CREATE INDEX buildings_indicator_created_idx ON buildings (tenant_id, created_at) INCLUDE (municipality_id)`);
    await q.query(
      `CREATE INDEX organizations_indicator_created_idx ON organizations (tenant_id, created_at) INCLUDE (municipality_id, merged_at)`,
    );
    await q.query(
      `CREATE INDEX building_stage_changes_indicator_idx ON building_stage_changes (tenant_id, to_stage, at) INCLUDE (building_id)`,
    );
    await q.query(
      `CREATE INDEX building_stage_changes_indicator_from_idx ON building_stage_changes (tenant_id, from_stage, at) INCLUDE (building_id)
         WHERE from_stage IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS building_stage_changes_indicator_from_idx`);
    await q.query(`DROP INDEX IF EXISTS building_stage_changes_indicator_idx`);
    await q.query(`DROP INDEX IF EXISTS organizations_indicator_created_idx`);
    await q.query(`DROP INDEX IF EXISTS buildings_indicator_created_idx`);
    await q.query(`DROP INDEX IF EXISTS initiatives_indicator_running_idx`);
    await q.query(`DROP INDEX IF EXISTS initiatives_indicator_end_idx`);
    await q.query(`DROP TRIGGER IF EXISTS indicator_activity_months_delete ON activities`);
    await q.query(`DROP TRIGGER IF EXISTS indicator_activity_months_update ON activities`);
    await q.query(`DROP TRIGGER IF EXISTS indicator_activity_months_insert ON activities`);
    await q.query(`DROP FUNCTION IF EXISTS indicator_activity_months_delete()`);
    await q.query(`DROP FUNCTION IF EXISTS indicator_activity_months_update()`);
    await q.query(`DROP FUNCTION IF EXISTS indicator_activity_months_insert()`);
    await q.query(`DROP TABLE IF EXISTS indicator_activity_months`);
  }
}
