import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The links of the collaboration network kept as a table (docs/collaborations.md, "The network"):
 * `collaboration_links` holds, per tenant, pair of organizations (a < b) and day, how many joint
 * records link them that day: approved activities (`activity_organizations`), initiatives in a counting
 * status (planned, running, completed; their lead and partners, dated by start date or else the day of
 * creation) and buildings assigned to both (two `building_assignments` of one building, dated by the
 * later start). The recompute and the network read it and apply the half-life at read time instead of
 * re-joining 1.5 M activity–organization links.
 *
 * Triggers keep it in the transaction of the change. For the tables of members (activity_organizations,
 * initiative_organizations, building_assignments) each statement computes, for the groups it touched,
 * the pairs after the change minus the pairs before it (before = the current rows less the new ones plus
 * the old ones), so inserts, deletes and updates (a merge moving links) are one rule. For the groups
 * (activities, initiatives) a statement that changes the status or the date moves the group's pairs;
 * a deleted group takes its pairs away before its members cascade. Rows that reach 0 are deleted.
 */

const ACTIVITY = {
  members: 'activity_organizations',
  group: 'activity_id',
  parent: `JOIN activities g ON g.tenant_id = p.tenant_id AND g.id = p.grp AND g.status = 'approved'`,
  day: 'g.date',
};
const INITIATIVE = {
  members: 'initiative_organizations',
  group: 'initiative_id',
  parent: `JOIN initiatives g ON g.tenant_id = p.tenant_id AND g.id = p.grp AND g.status IN ('planned', 'running', 'completed')`,
  day: `coalesce(g.start_date, (g.created_at AT TIME ZONE 'Europe/Rome')::date)`,
};
const BUILDING = {
  members: 'building_assignments',
  group: 'building_id',
  parent: '',
  day: 'p.day',
};
type Source = typeof ACTIVITY;

const UPSERT = `
  INSERT INTO collaboration_links AS l (tenant_id, organization_a, organization_b, day, n)`;
const ON_CONFLICT = `
  ON CONFLICT (tenant_id, organization_a, organization_b, day) DO UPDATE SET n = l.n + EXCLUDED.n`;

/** The statement trigger of a members table, for one event. */
function membersFunction(s: Source, op: 'insert' | 'update' | 'delete'): string {
  const touchedFrom = (t: string) => `SELECT tenant_id, ${s.group} AS grp FROM ${t}`;
  const changed =
    op === 'insert'
      ? touchedFrom('new_rows')
      : op === 'delete'
        ? touchedFrom('old_rows')
        : `${touchedFrom('new_rows')} UNION ${touchedFrom('old_rows')}`;
  const building = s.members === 'building_assignments';
  const cols = `t.tenant_id, t.${s.group} AS grp, t.organization_id AS org, ${building ? 't.start_date' : 'NULL::date'} AS start, ${building ? 't.id' : 'NULL::uuid'} AS id`;
  // a row of `after` that the statement inserted (or updated into): not there before
  const notNew = `NOT EXISTS (SELECT 1 FROM new_rows n WHERE ${building ? 'n.id = t.id' : `n.tenant_id = t.tenant_id AND n.${s.group} = t.grp AND n.organization_id = t.org`})`;
  const before =
    op === 'insert'
      ? `SELECT * FROM after t WHERE ${notNew}`
      : op === 'delete'
        ? `SELECT * FROM after UNION ALL SELECT ${cols} FROM old_rows t`
        : `SELECT * FROM after t WHERE ${notNew} UNION ALL SELECT ${cols} FROM old_rows t`;
  return `
    CREATE FUNCTION collaboration_links_${s.members}_${op}() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      WITH touched AS (SELECT DISTINCT tenant_id, grp FROM (${changed}) c),
           after AS (SELECT ${cols} FROM ${s.members} t JOIN touched c ON c.tenant_id = t.tenant_id AND c.grp = t.${s.group}),
           before AS (${before}),
           d AS (SELECT x.tenant_id, x.grp, x.org AS a, y.org AS b, greatest(x.start, y.start) AS day, 1 AS n
                   FROM after x JOIN after y ON y.tenant_id = x.tenant_id AND y.grp = x.grp AND x.org < y.org
                 UNION ALL
                 SELECT x.tenant_id, x.grp, x.org, y.org, greatest(x.start, y.start), -1
                   FROM before x JOIN before y ON y.tenant_id = x.tenant_id AND y.grp = x.grp AND x.org < y.org)
      ${UPSERT}
      SELECT p.tenant_id, p.a, p.b, ${s.day}, sum(p.n)::int FROM d p ${s.parent}
       GROUP BY 1, 2, 3, 4 HAVING sum(p.n) <> 0 ORDER BY 1, 2, 3, 4
      ${ON_CONFLICT};
      DELETE FROM collaboration_links WHERE n <= 0;
      RETURN NULL;
    END $$`;
}

/** A group's pairs with a sign, at a day: `rows` holds the groups (old or new versions). */
function groupPairs(s: Source, rows: string, where: string, sign: number): string {
  return `SELECT r.tenant_id, x.organization_id AS a, y.organization_id AS b, ${s.day.replaceAll('g.', 'r.')} AS day, ${sign} AS n
            FROM ${rows} r
            JOIN ${s.members} x ON x.tenant_id = r.tenant_id AND x.${s.group} = r.id
            JOIN ${s.members} y ON y.tenant_id = r.tenant_id AND y.${s.group} = r.id AND x.organization_id < y.organization_id
           WHERE ${where}`;
}

function groupFunctions(s: Source, table: string, counts: string, dateChanged: string): string[] {
  const c = (alias: string) => counts.replaceAll('$', alias);
  return [
    `CREATE FUNCTION collaboration_links_${table}_update() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN
       ${UPSERT}
       SELECT tenant_id, a, b, day, sum(n)::int FROM (
         ${groupPairs(s, 'old_rows', `${c('r')} AND EXISTS (SELECT 1 FROM new_rows w WHERE w.id = r.id AND (NOT (${c('w')}) OR ${dateChanged}))`, -1)}
         UNION ALL
         ${groupPairs(s, 'new_rows', `${c('r')} AND EXISTS (SELECT 1 FROM old_rows w WHERE w.id = r.id AND (NOT (${c('w')}) OR ${dateChanged}))`, 1)}
       ) d GROUP BY 1, 2, 3, 4 HAVING sum(n) <> 0 ORDER BY 1, 2, 3, 4
       ${ON_CONFLICT};
       DELETE FROM collaboration_links WHERE n <= 0;
       RETURN NULL;
     END $$`,
    // before the members cascade away (their own trigger then finds no group and adds nothing)
    `CREATE FUNCTION collaboration_links_${table}_delete() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN
       IF ${c('OLD')} THEN
         ${UPSERT}
         SELECT tenant_id, a, b, day, sum(n)::int FROM (
           ${groupPairs(s, table, 'r.tenant_id = OLD.tenant_id AND r.id = OLD.id', -1)}
         ) d GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
         ${ON_CONFLICT};
         DELETE FROM collaboration_links WHERE n <= 0;
       END IF;
       RETURN OLD;
     END $$`,
  ];
}

/** Every link computed from scratch (the backfill; the tests compare the table with it). */
export const COLLABORATION_LINKS_FROM_SCRATCH = `
  SELECT tenant_id, a, b, day, count(*)::int AS n FROM (
    SELECT g.tenant_id, x.organization_id AS a, y.organization_id AS b, g.date AS day
      FROM activities g
      JOIN activity_organizations x ON x.tenant_id = g.tenant_id AND x.activity_id = g.id
      JOIN activity_organizations y ON y.tenant_id = g.tenant_id AND y.activity_id = g.id AND x.organization_id < y.organization_id
     WHERE g.status = 'approved'
    UNION ALL
    SELECT g.tenant_id, x.organization_id, y.organization_id, ${INITIATIVE.day}
      FROM initiatives g
      JOIN initiative_organizations x ON x.tenant_id = g.tenant_id AND x.initiative_id = g.id
      JOIN initiative_organizations y ON y.tenant_id = g.tenant_id AND y.initiative_id = g.id AND x.organization_id < y.organization_id
     WHERE g.status IN ('planned', 'running', 'completed')
    UNION ALL
    SELECT x.tenant_id, x.organization_id, y.organization_id, greatest(x.start_date, y.start_date)
      FROM building_assignments x
      JOIN building_assignments y ON y.tenant_id = x.tenant_id AND y.building_id = x.building_id AND x.organization_id < y.organization_id
  ) l GROUP BY 1, 2, 3, 4`;

export class CollaborationLinks1764850000000 implements MigrationInterface {
  name = 'CollaborationLinks1764850000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE collaboration_links (
        tenant_id uuid NOT NULL,
        organization_a uuid NOT NULL,
        organization_b uuid NOT NULL,
        day date NOT NULL,
        n int NOT NULL,
        PRIMARY KEY (tenant_id, organization_a, organization_b, day),
        CHECK (organization_a < organization_b)
      )`);
    await q.query(`CREATE INDEX collaboration_links_b_idx ON collaboration_links (tenant_id, organization_b)`);
    // the rows a change brought to 0, deleted at once: this index is empty between statements
    await q.query(`CREATE INDEX collaboration_links_spent_idx ON collaboration_links (tenant_id) WHERE n <= 0`);
    await q.query(
      `INSERT INTO collaboration_links (tenant_id, organization_a, organization_b, day, n) ${COLLABORATION_LINKS_FROM_SCRATCH}`,
    );

    for (const s of [ACTIVITY, INITIATIVE, BUILDING]) {
      for (const op of ['insert', 'update', 'delete'] as const) {
        await q.query(membersFunction(s, op));
        const tables =
          op === 'insert'
            ? 'NEW TABLE AS new_rows'
            : op === 'delete'
              ? 'OLD TABLE AS old_rows'
              : 'OLD TABLE AS old_rows NEW TABLE AS new_rows';
        await q.query(`
          CREATE TRIGGER collaboration_links_${op} AFTER ${op.toUpperCase()} ON ${s.members}
            REFERENCING ${tables} FOR EACH STATEMENT EXECUTE FUNCTION collaboration_links_${s.members}_${op}()`);
      }
    }
    const groups: [Source, string, string, string][] = [
      [ACTIVITY, 'activities', `$.status = 'approved'`, 'w.date IS DISTINCT FROM r.date'],
      [INITIATIVE, 'initiatives', `$.status IN ('planned', 'running', 'completed')`, 'w.start_date IS DISTINCT FROM r.start_date'],
    ];
    for (const [s, table, counts, dateChanged] of groups) {
      const [update, del] = groupFunctions(s, table, counts, dateChanged);
      await q.query(update);
      await q.query(del);
      await q.query(`
        CREATE TRIGGER collaboration_links_update AFTER UPDATE ON ${table}
          REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION collaboration_links_${table}_update()`);
      await q.query(`
        CREATE TRIGGER collaboration_links_delete BEFORE DELETE ON ${table}
          FOR EACH ROW EXECUTE FUNCTION collaboration_links_${table}_delete()`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['activity_organizations', 'initiative_organizations', 'building_assignments']) {
      for (const op of ['insert', 'update', 'delete']) {
        await q.query(`DROP TRIGGER IF EXISTS collaboration_links_${op} ON ${t}`);
        await q.query(`DROP FUNCTION IF EXISTS collaboration_links_${t}_${op}()`);
      }
    }
    for (const t of ['activities', 'initiatives']) {
      await q.query(`DROP TRIGGER IF EXISTS collaboration_links_update ON ${t}`);
      await q.query(`DROP TRIGGER IF EXISTS collaboration_links_delete ON ${t}`);
      await q.query(`DROP FUNCTION IF EXISTS collaboration_links_${t}_update()`);
      await q.query(`DROP FUNCTION IF EXISTS collaboration_links_${t}_delete()`);
    }
    await q.query(`DROP TABLE IF EXISTS collaboration_links`);
  }
}
