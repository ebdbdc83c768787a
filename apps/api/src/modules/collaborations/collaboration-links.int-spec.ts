import { randomUUID } from 'node:crypto';
import { COLLABORATION_LINKS_FROM_SCRATCH } from '../../database/migrations/1764850000000-collaboration-links';
import { activityWorld, type ActivityWorld } from '../../test/activity-fixtures';
import { createTestApp, type TestApp } from '../../test/test-app';
import { CollaborationsRepository } from './collaborations.repository';
import { tenantScope } from './collaborations.service';

/**
 * `collaboration_links` (migration 1764850000000): the pairs of organizations per day, kept by triggers
 * in the transaction of each change, must always equal the links computed from scratch from the
 * approved activities, the counting initiatives and the shared buildings; and the weights the network
 * reads from it must be those of the joins it replaced.
 */
describe('collaboration links kept by triggers', () => {
  let t: TestApp;
  let w: ActivityWorld;
  const org: Record<string, string> = {};

  async function organization(key: string) {
    const [row] = await t.db.query(
      `INSERT INTO organizations (tenant_id, name, kind, municipality_id, themes) VALUES ($1, $2, 'aps', $3, '{culture}') RETURNING id`,
      [w.bari.id, `Links ${key}`, w.bari.municipalities['072006']],
    );
    org[key] = row.id;
  }

  type Row = { a: string; b: string; day: string; n: number };
  const byKey = (r: Row) => `${r.a}|${r.b}|${r.day}`;
  async function kept(): Promise<Row[]> {
    const rows = await t.db.query(
      `SELECT organization_a AS a, organization_b AS b, day::text AS day, n FROM collaboration_links WHERE tenant_id = $1`,
      [w.bari.id],
    );
    return (rows as Row[]).sort((x, y) => (byKey(x) < byKey(y) ? -1 : 1));
  }
  async function fromScratch(): Promise<Row[]> {
    const rows = await t.db.query(`SELECT a, b, day::text AS day, n FROM (${COLLABORATION_LINKS_FROM_SCRATCH}) s WHERE tenant_id = $1`, [
      w.bari.id,
    ]);
    return (rows as Row[]).sort((x, y) => (byKey(x) < byKey(y) ? -1 : 1));
  }
  async function expectCurrent() {
    const [k, s] = await Promise.all([kept(), fromScratch()]);
    expect(k).toEqual(s);
    return k;
  }

  async function activity(orgs: string[], status: string, date = '2026-03-10') {
    const [row] = await t.db.query(
      `INSERT INTO activities (tenant_id, client_id, client_hash, author_id, municipality_id, date, duration_minutes, type, title,
                               participants_total, status, submitted_at, submitted_by, reviewed_at, reviewed_by)
       VALUES ($1, gen_random_uuid(), 'links', $2, $3, $4, 60, 'meeting', 'Incontro', 3, $5, now(), $2, now(), $6) RETURNING id`,
      [w.bari.id, w.innA.id, w.bari.municipalities['072006'], date, status, w.coord.id],
    );
    if (orgs.length > 0) {
      await t.db.query(`INSERT INTO activity_organizations (tenant_id, activity_id, organization_id) SELECT $1, $2, unnest($3::uuid[])`, [
        w.bari.id,
        row.id,
        orgs.map((k) => org[k]),
      ]);
    }
    return row.id as string;
  }

  beforeAll(async () => {
    t = await createTestApp();
    w = await activityWorld(t);
    for (const k of ['A', 'B', 'C', 'D', 'E']) await organization(k);
  });
  afterAll(() => t.close());

  it('follows activities: approval, reopening, a new date, links added and removed, deletion', async () => {
    const x = await activity(['A', 'B', 'C'], 'submitted');
    await expectCurrent();
    await t.db.query(`UPDATE activities SET status = 'approved' WHERE id = $1`, [x]);
    expect(await expectCurrent()).toHaveLength(3);
    const y = await activity(['A', 'B'], 'approved');
    const same = (await expectCurrent()).find((r) => r.a === [org.A, org.B].sort()[0] && r.b === [org.A, org.B].sort()[1]);
    expect(same?.n).toBe(2);
    await t.db.query(`UPDATE activities SET date = '2025-01-02' WHERE id = $1`, [y]);
    await expectCurrent();
    // two organizations join at once, one leaves
    await t.db.query(`INSERT INTO activity_organizations (tenant_id, activity_id, organization_id) VALUES ($1, $2, $3), ($1, $2, $4)`, [
      w.bari.id,
      x,
      org.D,
      org.E,
    ]);
    expect(await expectCurrent()).toHaveLength(11);
    await t.db.query(`DELETE FROM activity_organizations WHERE activity_id = $1 AND organization_id IN ($2, $3)`, [x, org.B, org.C]);
    await expectCurrent();
    // reopened: no longer approved
    await t.db.query(`UPDATE activities SET status = 'returned' WHERE id = $1`, [x]);
    await expectCurrent();
    await t.db.query(`UPDATE activities SET status = 'approved' WHERE id IN ($1, $2)`, [x, y]);
    await expectCurrent();
    // a hard delete cascades to its links
    await t.db.query(`DELETE FROM activities WHERE id = $1`, [y]);
    await expectCurrent();
    // a link moved to another organization (as a merge does)
    await t.db.query(`UPDATE activity_organizations SET organization_id = $1 WHERE activity_id = $2 AND organization_id = $3`, [
      org.C,
      x,
      org.E,
    ]);
    await expectCurrent();
  });

  it('follows initiatives: counting statuses, partners, start date', async () => {
    const res = await t.http
      .post('/api/initiatives')
      .set(w.coord.auth)
      .send({
        clientId: randomUUID(),
        title: 'Iniziativa dei legami',
        status: 'idea',
        municipality: '072006',
        leadOrganization: org.A,
        partnerOrganizations: [org.B, org.C],
      })
      .expect(201);
    await expectCurrent();
    await t.http
      .post(`/api/initiatives/${res.body.id}/status`)
      .set(w.coord.auth)
      .send({ to: 'planned', version: res.body.version })
      .expect(200);
    await expectCurrent();
    await t.db.query(`UPDATE initiatives SET start_date = '2024-05-01' WHERE id = $1`, [res.body.id]);
    await expectCurrent();
    await t.db.query(
      `INSERT INTO initiative_organizations (tenant_id, initiative_id, organization_id, role) VALUES ($1, $2, $3, 'partner')`,
      [w.bari.id, res.body.id, org.D],
    );
    await expectCurrent();
    await t.db.query(`DELETE FROM initiative_organizations WHERE initiative_id = $1 AND organization_id = $2`, [res.body.id, org.B]);
    await expectCurrent();
    await t.db.query(`UPDATE initiatives SET status = 'stopped' WHERE id = $1`, [res.body.id]);
    await expectCurrent();
    await t.db.query(`UPDATE initiatives SET status = 'running' WHERE id = $1`, [res.body.id]);
    await expectCurrent();
    await t.db.query(`DELETE FROM initiatives WHERE id = $1`, [res.body.id]);
    await expectCurrent();
  });

  it('follows building assignments and a merge of organizations', async () => {
    const building = await t.http
      .post('/api/buildings')
      .set(w.coord.auth)
      .send({
        clientId: randomUUID(),
        name: 'Ex scuola dei legami',
        municipality: '072006',
        ownership: 'municipal',
        condition: 'fair',
        currentUse: 'unused',
      })
      .expect(201);
    await t.db.query(
      `INSERT INTO building_assignments (tenant_id, building_id, organization_id, instrument, start_date, end_date, ended_at)
       VALUES ($1, $2, $3, 'free_loan', '2025-01-01', '2027-01-01', now()), ($1, $2, $4, 'lease', '2025-06-01', '2027-01-01', NULL),
              ($1, $2, $5, 'lease', '2024-06-01', '2025-01-01', now())`,
      [w.bari.id, building.body.id, org.A, org.D, org.E],
    );
    await expectCurrent();
    await t.db.query(`UPDATE building_assignments SET start_date = '2026-02-01' WHERE building_id = $1 AND organization_id = $2`, [
      building.body.id,
      org.A,
    ]);
    await expectCurrent();
    await t.db.query(`DELETE FROM building_assignments WHERE building_id = $1 AND organization_id = $2`, [building.body.id, org.E]);
    await expectCurrent();

    // E shares an activity with A and D: merged into D, its links move (and D's pair with itself is no link)
    await activity(['A', 'E', 'D'], 'approved', '2026-01-15');
    await expectCurrent();
    const [survivor] = await t.db.query(`SELECT version FROM organizations WHERE id = $1`, [org.D]);
    const [duplicate] = await t.db.query(`SELECT version FROM organizations WHERE id = $1`, [org.E]);
    await t.http
      .post(`/api/organizations/${org.D}/merge`)
      .set(w.coord.auth)
      .send({ duplicate: org.E, version: survivor.version, duplicateVersion: duplicate.version })
      .expect(200);
    const rows = await expectCurrent();
    expect(rows.some((r) => r.a === org.E || r.b === org.E)).toBe(false);
  });

  it('gives the network the weights of the joins it replaced', async () => {
    const repo = t.app.get(CollaborationsRepository);
    const scope = tenantScope(w.bari.id, null);
    for (const halfLife of [18, 3]) {
      const fromTable = await repo.edges(scope, halfLife);
      expect(fromTable.length).toBeGreaterThanOrEqual(3);
      const joined = await repo['edgesThroughPolicies'](scope, halfLife, {});
      const key = (e: { a: string; b: string }) => `${e.a}|${e.b}`;
      const joinedBy = new Map(joined.map((e) => [key(e), e]));
      expect(fromTable.map(key).sort()).toEqual(joined.map(key).sort());
      for (const e of fromTable) {
        const j = joinedBy.get(key(e))!;
        expect(e.count).toBe(j.count);
        // initiatives without a start date are dated by their day of creation, not the instant: < 1 day apart
        expect(Math.abs(e.weight - j.weight)).toBeLessThan(0.01 * j.weight);
      }
      const among = await repo.edges(scope, halfLife, { among: [org.A, org.D] });
      expect(among.every((e) => [org.A, org.D].includes(e.a) && [org.A, org.D].includes(e.b))).toBe(true);
    }
  });
});
