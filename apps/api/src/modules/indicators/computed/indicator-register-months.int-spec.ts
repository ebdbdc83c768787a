import { type ActivityWorld, activityIn, activityWorld, organizationIn } from '../../../test/activity-fixtures';
import { buildingBody } from '../../../test/building-fixtures';
import { createTestApp, type TestApp } from '../../../test/test-app';

/**
 * `indicator_register_months` (migration 1764740000000) must always equal what the registers say at
 * request time: after every insert, update, stage change, move and delete below, the trigger-kept
 * summary is compared with the computation from the rows themselves (the queries the computed
 * indicators ran before the summary existed).
 */
const FROM_ROWS = `
  SELECT tenant_id::text, municipality_id::text, measure, to_char(month, 'YYYY-MM') AS month, sum(n)::int AS n FROM (
    SELECT tenant_id, municipality_id, 'buildings_mapped' AS measure, date_trunc('month', created_at AT TIME ZONE 'Europe/Rome')::date AS month, 1 AS n
      FROM buildings
    UNION ALL
    SELECT c.tenant_id, b.municipality_id, 'stage:' || v.stage, date_trunc('month', c.at AT TIME ZONE 'Europe/Rome')::date, v.n
      FROM building_stage_changes c JOIN buildings b ON b.tenant_id = c.tenant_id AND b.id = c.building_id
     CROSS JOIN LATERAL (VALUES (c.to_stage, 1), (c.from_stage, -1)) AS v(stage, n) WHERE v.stage IS NOT NULL
    UNION ALL
    SELECT c.tenant_id, b.municipality_id, 'buildings_activated', date_trunc('month', c.at AT TIME ZONE 'Europe/Rome')::date, count(DISTINCT c.building_id)
      FROM building_stage_changes c JOIN buildings b ON b.tenant_id = c.tenant_id AND b.id = c.building_id
     WHERE c.to_stage = 'active' GROUP BY 1, 2, 3, 4
    UNION ALL
    SELECT o.tenant_id, o.municipality_id, 'organizations_mapped', v.month, v.n FROM organizations o
     CROSS JOIN LATERAL (VALUES (date_trunc('month', o.created_at AT TIME ZONE 'Europe/Rome')::date, 1),
                                (date_trunc('month', o.merged_at AT TIME ZONE 'Europe/Rome')::date, -1)) AS v(month, n)
     WHERE v.month IS NOT NULL
  ) r GROUP BY 1, 2, 3, 4 HAVING sum(n) <> 0 ORDER BY 1, 2, 3, 4`;
const SUMMARY = `
  SELECT tenant_id::text, municipality_id::text, measure, to_char(month, 'YYYY-MM') AS month, n
    FROM indicator_register_months WHERE n <> 0 ORDER BY 1, 2, 3, 4`;

describe('indicator_register_months: the trigger-kept summary equals the registers', () => {
  let t: TestApp;
  let w: ActivityWorld;

  beforeAll(async () => {
    t = await createTestApp();
    w = await activityWorld(t);
  });
  afterAll(() => t.close());

  async function expectSummaryRight(): Promise<void> {
    const [expected, actual] = [await t.db.query(FROM_ROWS), await t.db.query(SUMMARY)];
    expect(actual).toEqual(expected);
  }
  async function building(municipality: string): Promise<string> {
    const res = await t.http.post('/api/buildings').set(w.coord.auth).send(buildingBody({ municipality }));
    if (res.status !== 201) throw new Error(`building: ${res.status} ${JSON.stringify(res.body)}`);
    return (res.body as { id: string }).id;
  }
  const change = (id: string, from: string | null, to: string, at: string) =>
    t.db.query(
      `INSERT INTO building_stage_changes (tenant_id, building_id, from_stage, to_stage, at, reason) VALUES ($1, $2, $3, $4, $5, 'x')`,
      [w.bari.id, id, from, to, at],
    );

  it('follows inserts, updates, stage changes, moves, merges and deletes', async () => {
    const [b1, b2, b3] = [await building('072006'), await building('072006'), await building('072029')];
    const o1 = await organizationIn(t, w.bari, '072006', 'Aps Uno');
    const o2 = await organizationIn(t, w.bari, '072029', 'Aps Due');
    await organizationIn(t, w.bari, '072022', 'Aps Tre');
    await expectSummaryRight();
    expect((await t.db.query(SUMMARY)).length).toBeGreaterThan(0);

    // back-dated creations (one at Rome's month boundary: 31 March 23:30 UTC is April in Italy)
    await t.db.query(`UPDATE buildings SET created_at = '2025-03-31T22:30:00Z' WHERE id = $1`, [b1]);
    await t.db.query(`UPDATE buildings SET created_at = created_at - interval '70 days' WHERE id IN ($1, $2)`, [b2, b3]);
    await t.db.query(`UPDATE organizations SET created_at = '2024-12-31T23:30:00Z' WHERE id = $1`, [o1]);
    await expectSummaryRight();

    // a stage history, one statement of several rows, a building activated twice in a month
    await t.db.query(
      `INSERT INTO building_stage_changes (tenant_id, building_id, from_stage, to_stage, at) VALUES
         ($1, $2, 'mapped', 'assessed', '2025-05-02T10:00:00Z'), ($1, $2, 'assessed', 'active', '2025-05-10T10:00:00Z'),
         ($1, $3, 'mapped', 'active', '2025-05-20T10:00:00Z')`,
      [w.bari.id, b1, b2],
    );
    await change(b1, 'active', 'discarded', '2025-05-15T10:00:00Z');
    await change(b1, 'discarded', 'active', '2025-05-31T22:30:00Z'); // June in Italy
    await change(b1, 'active', 'planned', '2025-06-10T10:00:00Z');
    await change(b1, 'planned', 'active', '2025-06-20T10:00:00Z'); // twice active in June: counted once
    await change(b3, 'mapped', 'active', '2025-06-05T10:00:00Z');
    await expectSummaryRight();

    // a building moved to another municipality takes its history along
    await t.db.query(`UPDATE buildings SET municipality_id = $1 WHERE id = $2`, [w.bari.municipalities['072029'], b1]);
    await expectSummaryRight();

    // a change moved in time, a change deleted
    await t.db.query(
      `UPDATE building_stage_changes SET at = '2025-07-01T10:00:00Z' WHERE building_id = $1 AND to_stage = 'active' AND from_stage = 'mapped'`,
      [b3],
    );
    await t.db.query(`DELETE FROM building_stage_changes WHERE building_id = $1 AND at = '2025-06-20T10:00:00Z'`, [b1]);
    await expectSummaryRight();

    // organizations merged, moved, deleted
    await t.db.query(`UPDATE organizations SET merged_at = '2025-02-10T10:00:00Z', active = false WHERE id = $1`, [o1]);
    await t.db.query(`UPDATE organizations SET municipality_id = $1 WHERE id = $2`, [w.bari.municipalities['072022'], o2]);
    await expectSummaryRight();
    await t.db.query(`DELETE FROM organizations WHERE id = $1`, [o2]);
    await expectSummaryRight();

    // a building deleted with its history (a cascaded delete)
    await t.db.query(`DELETE FROM buildings WHERE id = $1`, [b1]);
    await expectSummaryRight();
    expect(await t.db.query(`SELECT count(*)::int AS n FROM building_stage_changes WHERE building_id = $1`, [b1])).toEqual([{ n: 0 }]);
  });

  it("keeps the activities' all-types rows (type '*') equal to the sum of their types", async () => {
    await activityIn(t, 'approved', w.innA, w.coord);
    await activityIn(t, 'approved', w.innA, w.coord, { type: 'meeting' });
    const moved = await activityIn(t, 'approved', w.innA, w.coord);
    await t.db.query(`UPDATE activities SET date = date - 40 WHERE id = $1`, [moved.id]);
    const reopened = await activityIn(t, 'approved', w.innA, w.coord, { type: 'meeting' });
    await t.db.query(`UPDATE activities SET status = 'submitted' WHERE id = $1`, [reopened.id]);
    const totals = `
      SELECT tenant_id::text, municipality_id::text, month::text, sum(activities)::int AS a, sum(participants)::int AS p
        FROM indicator_activity_months WHERE type %s '*' GROUP BY 1, 2, 3 HAVING sum(activities) <> 0 OR sum(participants) <> 0 ORDER BY 1, 2, 3`;
    const [all, types] = [await t.db.query(totals.replace('%s', '=')), await t.db.query(totals.replace('%s', '<>'))];
    expect(types.length).toBeGreaterThan(0);
    expect(all).toEqual(types);
  });
});
