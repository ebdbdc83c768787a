import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `indicator_register_months`: monthly increments of the registers' computed indicators
 * (docs/indicators-rollup.md), as `indicator_activity_months` is for activities, kept by triggers
 * in the **same transaction** as the change and filled here from the rows already there.
 *
 * Per tenant, municipality, month (Europe/Rome calendar) and measure:
 * - `buildings_mapped`: +1 in the month a building was created;
 * - `stage:<stage>`: each stage change is +1 for its `to_stage`, −1 for its `from_stage`, in its month,
 *   placed in the building's (current) municipality;
 * - `buildings_activated`: the distinct buildings with a change to `active` in the month (a cell's
 *   absolute count, recomputed from the history for the cells a statement touches);
 * - `organizations_mapped`: +1 the month an organization was registered, −1 the month it was merged.
 *
 * Pitfalls: a building's municipality can change (its stage history moves with it: the buildings
 * update trigger moves its cells); a building's delete cascades to its history after the building row
 * is gone, so a BEFORE ROW trigger on buildings takes the building's cells out while the history is
 * still readable (the cascaded delete then finds no building and adds nothing). Upserts run in key order.
 */
export class IndicatorRegisterMonths1764740000000 implements MigrationInterface {
  name = 'IndicatorRegisterMonths1764740000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE indicator_register_months (
        tenant_id uuid NOT NULL REFERENCES tenants(tenant_id),
        municipality_id uuid NOT NULL,
        measure text NOT NULL,
        month date NOT NULL CHECK (month = date_trunc('month', month)::date),
        n int NOT NULL,
        PRIMARY KEY (tenant_id, measure, month, municipality_id),
        FOREIGN KEY (tenant_id, municipality_id) REFERENCES municipalities (tenant_id, id)
      )`);

    const month = (column: string) => `date_trunc('month', ${column} AT TIME ZONE 'Europe/Rome')::date`;
    /** adds signed increments `(tenant_id, municipality_id, measure, month, n)` */
    const add = (rows: string) => `
      INSERT INTO indicator_register_months AS s (tenant_id, municipality_id, measure, month, n)
      SELECT tenant_id, municipality_id, measure, month, sum(n)::int
        FROM (${rows}) d
       GROUP BY tenant_id, municipality_id, measure, month
      HAVING sum(n) <> 0
       ORDER BY tenant_id, measure, month, municipality_id
      ON CONFLICT (tenant_id, measure, month, municipality_id) DO UPDATE SET n = s.n + EXCLUDED.n`;
    /** sets the `buildings_activated` cells `(tenant_id, municipality_id, month)` from the history */
    const recount = (keys: string) => `
      INSERT INTO indicator_register_months AS s (tenant_id, municipality_id, measure, month, n)
      SELECT k.tenant_id, k.municipality_id, 'buildings_activated', k.month,
             (SELECT count(DISTINCT c.building_id) FROM building_stage_changes c
                JOIN buildings b ON b.tenant_id = c.tenant_id AND b.id = c.building_id
               WHERE c.tenant_id = k.tenant_id AND c.to_stage = 'active' AND b.municipality_id = k.municipality_id
                 AND c.at >= (k.month::timestamp AT TIME ZONE 'Europe/Rome')
                 AND c.at < ((k.month + interval '1 month')::timestamp AT TIME ZONE 'Europe/Rome'))::int
        FROM (SELECT DISTINCT tenant_id, municipality_id, month FROM (${keys}) k0) k
       ORDER BY k.tenant_id, k.month, k.municipality_id
      ON CONFLICT (tenant_id, measure, month, municipality_id) DO UPDATE SET n = EXCLUDED.n`;

    const buildings = (table: string, sign: string) =>
      `SELECT tenant_id, municipality_id, 'buildings_mapped' AS measure, ${month('created_at')} AS month, ${sign}1 AS n FROM ${table}`;
    /** the stage increments of changes `c`, placed in the municipality of buildings `b` */
    const stages = (changes: string, bs: string, sign: string) => `
      SELECT c.tenant_id, b.municipality_id, 'stage:' || v.stage AS measure, ${month('c.at')} AS month, ${sign}v.n AS n
        FROM ${changes} c JOIN ${bs} b ON b.tenant_id = c.tenant_id AND b.id = c.building_id
       CROSS JOIN LATERAL (VALUES (c.to_stage, 1), (c.from_stage, -1)) AS v(stage, n)
       WHERE v.stage IS NOT NULL`;
    const organizations = (table: string, sign: string) => `
      SELECT o.tenant_id, o.municipality_id, 'organizations_mapped' AS measure, v.month, ${sign}v.n AS n
        FROM ${table} o
       CROSS JOIN LATERAL (VALUES (${month('o.created_at')}, 1), (${month('o.merged_at')}, -1)) AS v(month, n)
       WHERE v.month IS NOT NULL`;
    const activeKeys = (changes: string) => `
      SELECT c.tenant_id, b.municipality_id, ${month('c.at')} AS month
        FROM ${changes} c JOIN buildings b ON b.tenant_id = c.tenant_id AND b.id = c.building_id
       WHERE c.to_stage = 'active'`;

    // buildings
    await q.query(`
      CREATE FUNCTION indicator_register_buildings_insert() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        ${add(buildings('new_rows', ''))};
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE FUNCTION indicator_register_buildings_update() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        ${add(`${buildings('new_rows', '')} UNION ALL ${buildings('old_rows', '-')}`)};
        -- a building moved to another municipality takes its stage history along
        ${add(`
          WITH moved AS (
            SELECT o.tenant_id, o.id, o.municipality_id AS old_m, n.municipality_id AS new_m
              FROM old_rows o JOIN new_rows n ON n.tenant_id = o.tenant_id AND n.id = o.id
             WHERE n.municipality_id <> o.municipality_id)
          SELECT c.tenant_id, m.new_m AS municipality_id, 'stage:' || v.stage AS measure, ${month('c.at')} AS month, v.n
            FROM moved m JOIN building_stage_changes c ON c.tenant_id = m.tenant_id AND c.building_id = m.id
           CROSS JOIN LATERAL (VALUES (c.to_stage, 1), (c.from_stage, -1)) AS v(stage, n) WHERE v.stage IS NOT NULL
          UNION ALL
          SELECT c.tenant_id, m.old_m, 'stage:' || v.stage, ${month('c.at')}, -v.n
            FROM moved m JOIN building_stage_changes c ON c.tenant_id = m.tenant_id AND c.building_id = m.id
           CROSS JOIN LATERAL (VALUES (c.to_stage, 1), (c.from_stage, -1)) AS v(stage, n) WHERE v.stage IS NOT NULL`)};
        ${recount(`
          SELECT c.tenant_id, x.m AS municipality_id, ${month('c.at')} AS month
            FROM old_rows o JOIN new_rows n ON n.tenant_id = o.tenant_id AND n.id = o.id AND n.municipality_id <> o.municipality_id
            JOIN building_stage_changes c ON c.tenant_id = o.tenant_id AND c.building_id = o.id AND c.to_stage = 'active'
           CROSS JOIN LATERAL (VALUES (o.municipality_id), (n.municipality_id)) AS x(m)`)};
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE FUNCTION indicator_register_buildings_delete() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        ${add(`
          ${buildings('(SELECT OLD.*) AS o', '-')}
          UNION ALL ${stages('building_stage_changes', '(SELECT OLD.*)', '-')}
          UNION ALL
          SELECT DISTINCT c.tenant_id, OLD.municipality_id, 'buildings_activated', ${month('c.at')}, -1
            FROM building_stage_changes c WHERE c.tenant_id = OLD.tenant_id AND c.building_id = OLD.id AND c.to_stage = 'active'`)};
        RETURN OLD;
      END $$`);
    await q.query(`
      CREATE TRIGGER indicator_register_buildings_insert AFTER INSERT ON buildings
        REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION indicator_register_buildings_insert()`);
    await q.query(`
      CREATE TRIGGER indicator_register_buildings_update AFTER UPDATE ON buildings
        REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION indicator_register_buildings_update()`);
    await q.query(`
      CREATE TRIGGER indicator_register_buildings_delete BEFORE DELETE ON buildings
        FOR EACH ROW EXECUTE FUNCTION indicator_register_buildings_delete()`);

    // stage history
    await q.query(`
      CREATE FUNCTION indicator_register_stages_insert() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        ${add(stages('new_rows', 'buildings', ''))};
        ${recount(activeKeys('new_rows'))};
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE FUNCTION indicator_register_stages_update() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        ${add(`${stages('new_rows', 'buildings', '')} UNION ALL ${stages('old_rows', 'buildings', '-')}`)};
        ${recount(`${activeKeys('new_rows')} UNION ALL ${activeKeys('old_rows')}`)};
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE FUNCTION indicator_register_stages_delete() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        ${add(stages('old_rows', 'buildings', '-'))};
        ${recount(activeKeys('old_rows'))};
        RETURN NULL;
      END $$`);
    for (const op of ['insert', 'update', 'delete'] as const) {
      const refs =
        op === 'insert'
          ? 'NEW TABLE AS new_rows'
          : op === 'delete'
            ? 'OLD TABLE AS old_rows'
            : 'OLD TABLE AS old_rows NEW TABLE AS new_rows';
      await q.query(`
        CREATE TRIGGER indicator_register_stages_${op} AFTER ${op.toUpperCase()} ON building_stage_changes
          REFERENCING ${refs} FOR EACH STATEMENT EXECUTE FUNCTION indicator_register_stages_${op}()`);
    }

    // organizations
    await q.query(`
      CREATE FUNCTION indicator_register_organizations_insert() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        ${add(organizations('new_rows', ''))};
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE FUNCTION indicator_register_organizations_update() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        ${add(`${organizations('new_rows', '')} UNION ALL ${organizations('old_rows', '-')}`)};
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE FUNCTION indicator_register_organizations_delete() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        ${add(organizations('old_rows', '-'))};
        RETURN NULL;
      END $$`);
    for (const op of ['insert', 'update', 'delete'] as const) {
      const refs =
        op === 'insert'
          ? 'NEW TABLE AS new_rows'
          : op === 'delete'
            ? 'OLD TABLE AS old_rows'
            : 'OLD TABLE AS old_rows NEW TABLE AS new_rows';
      await q.query(`
        CREATE TRIGGER indicator_register_organizations_${op} AFTER ${op.toUpperCase()} ON organizations
          REFERENCING ${refs} FOR EACH STATEMENT EXECUTE FUNCTION indicator_register_organizations_${op}()`);
    }

    // what exists already
    await q.query(add(buildings('buildings', '')));
    await q.query(add(stages('building_stage_changes', 'buildings', '')));
    await q.query(add(organizations('organizations', '')));
    await q.query(recount(activeKeys('building_stage_changes')));
  }

  async down(q: QueryRunner): Promise<void> {
    for (const [table, name] of [
      ['organizations', 'organizations'],
      ['building_stage_changes', 'stages'],
      ['buildings', 'buildings'],
    ] as const) {
      for (const op of ['insert', 'update', 'delete']) {
        await q.query(`DROP TRIGGER IF EXISTS indicator_register_${name}_${op} ON ${table}`);
        await q.query(`DROP FUNCTION IF EXISTS indicator_register_${name}_${op}()`);
      }
    }
    await q.query(`DROP TABLE IF EXISTS indicator_register_months`);
  }
}
