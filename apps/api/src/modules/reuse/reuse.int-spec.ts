import { randomUUID } from 'node:crypto';
import { REUSE_DEFAULT_WEIGHTS } from '@trama/contracts';
import { type AccessMatrix, describeAccessMatrix } from '../../test/access-matrix';
import { type Actor, type ActivityWorld, activityWorld } from '../../test/activity-fixtures';
import { buildingBody } from '../../test/building-fixtures';
import { createTestApp, type TestApp } from '../../test/test-app';
import { ReuseRepository } from './reuse.repository';

type Viewer = Exclude<keyof ActivityWorld, 'bari' | 'bologna' | 'admin'>;
const VIEWERS: Viewer[] = ['innA', 'innB', 'innC', 'coord', 'muniBari', 'areaMolfetta', 'innBo', 'coordBo'];

const BARI_POINT = { lat: 41.1171, lon: 16.8719 };
const NEAR_BARI = { lat: 41.1221, lon: 16.8719 }; // ~0.6 km north
/** One building per municipality; B.Bari is the one the model has most to say about. */
const FIXTURES = {
  'B.Bari': { municipality: '072006', name: 'Ex mercato di Santo Spirito', condition: 'good', location: BARI_POINT },
  'B.Molfetta': { municipality: '072029', name: 'Villa di Molfetta', condition: 'fair' },
  'B.Giovinazzo': { municipality: '072022', name: 'Torre di Giovinazzo', condition: 'poor' },
  'B.Corato': { municipality: '072020', name: 'Scuola rurale di Corato', condition: 'ruin' },
  'B.Bologna': { municipality: '037006', name: 'Città Futura Bologna', condition: 'good' },
} as const;
type Fixture = keyof typeof FIXTURES;
const ALL = Object.keys(FIXTURES) as Fixture[];
const BARI_TENANT = ALL.filter((f) => f !== 'B.Bologna');

/**
 * Whose ranking holds which building: the caller's own territory (coordinators the tenant, innovators
 * their municipalities, municipality users theirs), never another tenant's. Matches: the same rule.
 */
const SEES: Record<Viewer, Fixture[]> = {
  innA: ['B.Bari', 'B.Molfetta'],
  innB: ['B.Bari', 'B.Giovinazzo'],
  innC: ['B.Corato'],
  coord: BARI_TENANT,
  muniBari: ['B.Bari'],
  areaMolfetta: ['B.Molfetta', 'B.Giovinazzo'],
  innBo: ['B.Bologna'],
  coordBo: ['B.Bologna'],
};

interface Part {
  factor: string;
  contribution: number;
  explanation: string;
}
const sum = (parts: Part[]) => parts.reduce((s, p) => s + p.contribution, 0);

describe('reuse model: ranking, weights, matches, plan, proposal', () => {
  let t: TestApp;
  let w: ActivityWorld;
  const ids = {} as Record<Fixture, string>;
  const orgs = {} as Record<'culture' | 'culture2' | 'sport' | 'noSpace', string>;

  const waitForScores = async (actor: Actor) => {
    // the recompute runs in the background: poll its status (bounded), then read
    for (let i = 0; i < 600; i++) {
      const s = await t.http.get('/api/reuse/status').set(actor.auth).expect(200);
      if (s.body.status === 'idle' && !s.body.stale) return s.body;
      if (s.body.status === 'failed') throw new Error(`recompute failed: ${JSON.stringify(s.body)}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('the recompute did not finish');
  };

  beforeAll(async () => {
    t = await createTestApp();
    w = await activityWorld(t);
    for (const [fixture, f] of Object.entries(FIXTURES)) {
      const creator = f.municipality.startsWith('037') ? w.coordBo : w.coord;
      const res = await t.http
        .post('/api/buildings')
        .set(creator.auth)
        .send(
          buildingBody({
            municipality: f.municipality,
            name: f.name,
            condition: f.condition,
            indoorAreaM2: 250,
            suitableUses: ['cultural'],
            ...('location' in f ? { location: f.location } : {}),
          }),
        );
      if (res.status !== 201) throw new Error(`create ${fixture}: ${res.status} ${JSON.stringify(res.body)}`);
      ids[fixture as Fixture] = res.body.id;
    }
    const org = async (name: string, extra: Record<string, unknown>) => {
      const res = await t.http
        .post('/api/organizations')
        .set(w.coord.auth)
        .send({ name, kind: 'aps', municipality: '072006', ...extra });
      if (res.status !== 201) throw new Error(`org ${name}: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body.id as string;
    };
    orgs.culture = await org('APS Teatro di quartiere', { needs: ['space'], themes: ['culture'], size: 'small', location: NEAR_BARI });
    orgs.culture2 = await org('Circolo dei lettori', { needs: ['space'], themes: ['culture', 'tourism'], size: 'micro' });
    orgs.sport = await org('ASD Calcio giovani', { needs: ['space'], themes: ['sport'], location: NEAR_BARI });
    orgs.noSpace = await org('Coro cittadino', { needs: ['volunteers'], themes: ['culture'], location: NEAR_BARI });
    await waitForScores(w.coord);
    await waitForScores(w.coordBo);
  });
  afterAll(() => t.close());

  const matrix: AccessMatrix<Viewer, Fixture> = {
    feature: 'reuse',
    http: () => t.http,
    viewers: VIEWERS,
    fixtures: ALL,
    auth: (viewer) => w[viewer].auth,
    id: (fixture) => ids[fixture],
    sees: SEES,
    detail: {
      path: (id) => `/api/reuse/buildings/${id}/matches`,
      notFoundCode: 'REUSE_BUILDING_NOT_FOUND',
      idOf: (body) => (body as { building: { id: string } }).building.id,
    },
    list: [
      { path: '/api/reuse/buildings?pageSize=200', idOf: (item) => (item as { building: { id: string } }).building.id },
      {
        name: 'municipality=072029',
        path: '/api/reuse/buildings?pageSize=200&municipality=072029',
        matches: (f) => FIXTURES[f].municipality === '072029',
        idOf: (item) => (item as { building: { id: string } }).building.id,
      },
      {
        name: 'socialArea=ATS_BA_MOLFETTA',
        path: '/api/reuse/buildings?pageSize=200&socialArea=ATS_BA_MOLFETTA',
        matches: (f) => ['072029', '072022'].includes(FIXTURES[f].municipality),
        idOf: (item) => (item as { building: { id: string } }).building.id,
      },
      {
        name: 'condition=good',
        path: '/api/reuse/buildings?pageSize=200&condition=good',
        matches: (f) => FIXTURES[f].condition === 'good',
        idOf: (item) => (item as { building: { id: string } }).building.id,
      },
    ],
    export: [{ path: '/api/reuse/buildings/export?format=csv' }],
  };
  describeAccessMatrix(matrix);

  it('ranks by score, each score the sum of its explained parts; the best first', async () => {
    const res = await t.http.get('/api/reuse/buildings?pageSize=50').set(w.coord.auth).expect(200);
    expect(res.body.total).toBe(4);
    const items = res.body.items as {
      building: { id: string; name: string; municipality: { istatCode: string } };
      score: number;
      factors: Part[];
    }[];
    const scores = items.map((i) => i.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    for (const i of items) expect(sum(i.factors)).toBe(i.score);
    const bari = items.find((i) => i.building.id === ids['B.Bari'])!;
    expect(items[0].building.id).toBe(ids['B.Bari']);
    expect(bari.building.municipality.istatCode).toBe('072006');
    expect(bari.factors).toEqual(
      expect.arrayContaining([
        { factor: 'condition', contribution: 15, explanation: '+15 condizioni buone' },
        // the culture organization 0.6 km away and the unplaced one of Bari; not sport, not the one not needing space
        { factor: 'demand', contribution: 8, explanation: '+8 2 organizzazioni cercano spazi entro 2 km' },
      ]),
    );
    const en = await t.http.get('/api/reuse/buildings?pageSize=1&lang=en').set(w.coord.auth).expect(200);
    expect(en.body.items[0].factors.find((f: Part) => f.factor === 'condition').explanation).toBe('+15 good condition');
  });

  it('pages by score then id from the stored run, unscored buildings last, each stored score as its page computes it', async () => {
    const all = (await t.http.get('/api/reuse/buildings?pageSize=50').set(w.coord.auth).expect(200)).body.items as {
      building: { id: string; name: string };
      score: number;
      factors: Part[];
    }[];
    // the recompute's scores (grid, bulk insert) are those a building's page computes on read
    for (const i of all) {
      const one = await t.http.get(`/api/reuse/buildings/${i.building.id}/matches`).set(w.coord.auth).expect(200);
      expect([one.body.score, one.body.factors]).toEqual([i.score, i.factors]);
    }
    // a building scored after the last run (its stored row gone): last, scored on read
    const [kept] = await t.db.query(`SELECT * FROM reuse_scores WHERE building_id = $1`, [ids['B.Bari']]);
    await t.db.query(`DELETE FROM reuse_scores WHERE building_id = $1`, [ids['B.Bari']]);
    try {
      const pages = [];
      for (let page = 1; page <= 5; page++) {
        const res = await t.http.get(`/api/reuse/buildings?pageSize=1&page=${page}`).set(w.coord.auth).expect(200);
        expect(res.body.total).toBe(4);
        pages.push(...(res.body.items as typeof all));
      }
      const scored = all.filter((i) => i.building.id !== ids['B.Bari']);
      scored.sort((a, b) => b.score - a.score || (a.building.id < b.building.id ? -1 : 1));
      expect(pages.map((i) => i.building.id)).toEqual([...scored.map((i) => i.building.id), ids['B.Bari']]);
      expect(pages[3].score).toBe(all.find((i) => i.building.id === ids['B.Bari'])!.score);
    } finally {
      await t.db.query(`INSERT INTO reuse_scores (tenant_id, building_id, run, score, parts) VALUES ($1, $2, $3, $4, $5)`, [
        kept.tenant_id,
        kept.building_id,
        kept.run,
        kept.score,
        JSON.stringify(kept.parts),
      ]);
    }
  });

  it('lists the organizations that could use a building, with fit and reasons, and the buildings that fit an organization', async () => {
    const res = await t.http.get(`/api/reuse/buildings/${ids['B.Bari']}/matches`).set(w.innA.auth).expect(200);
    expect(sum(res.body.factors)).toBe(res.body.score);
    const names = res.body.items.map((m: { organization: { name: string } }) => m.organization.name);
    // two shared themes, the same municipality (not placed), a micro organization: 40 + 15 + 15
    expect(names).toEqual(['Circolo dei lettori', 'APS Teatro di quartiere']);
    expect(res.body.items[0]).toMatchObject({ fit: 70, distanceKm: null });
    expect(res.body.items[1]).toMatchObject({ fit: 20 + 30 + 15, distanceKm: 0.6 });
    expect(res.body.items[1].reasons).toEqual(['temi in comune: Cultura', 'a 0,6 km', 'superficie adatta (250 m²)']);
    const fitting = await t.http.get(`/api/reuse/organizations/${orgs.culture}/buildings?lang=en`).set(w.coord.auth).expect(200);
    expect(fitting.body.needsSpace).toBe(true);
    expect(fitting.body.items.map((i: { building: { id: string } }) => i.building.id)).toEqual([ids['B.Bari']]);
    const none = await t.http.get(`/api/reuse/organizations/${orgs.noSpace}/buildings`).set(w.coord.auth).expect(200);
    expect(none.body).toMatchObject({ needsSpace: false, items: [] });
    await t.http.get(`/api/reuse/organizations/${orgs.culture}/buildings`).set(w.coordBo.auth).expect(404);
    await t.http.get(`/api/reuse/organizations/${randomUUID()}/buildings`).set(w.coord.auth).expect(404);
  });

  it('lets only coordinators change the weights: versioned, audited, bad input refused; the ranking follows', async () => {
    const initial = await t.http.get('/api/reuse/weights').set(w.innA.auth).expect(200);
    expect(initial.body).toMatchObject({ weights: REUSE_DEFAULT_WEIGHTS, defaults: REUSE_DEFAULT_WEIGHTS, version: 1 });
    const weights = { ...REUSE_DEFAULT_WEIGHTS, condition: 40, demand: 0 };
    await t.http.put('/api/reuse/weights').set(w.innA.auth).send({ version: 1, weights }).expect(403);
    await t.http.put('/api/reuse/weights').set(w.muniBari.auth).send({ version: 1, weights }).expect(403);
    for (const bad of [
      { version: 1, weights: { ...weights, condition: 101 } },
      { version: 1, weights: { ...weights, condition: -1 } },
      { version: 1, weights: { ...weights, condition: 1.5 } },
      { version: 1, weights: { ...weights, condition: '10' } },
      { version: 1, weights: { ...weights, unknown: 3 } },
      { version: 1, weights: { condition: 10 } },
      { version: 1 },
      { weights },
      { version: 1, weights, extra: true },
    ]) {
      const res = await t.http.put('/api/reuse/weights').set(w.coord.auth).send(bad);
      expect([res.status, res.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    }
    const put = await t.http.put('/api/reuse/weights').set(w.coord.auth).send({ version: 1, weights }).expect(200);
    expect(put.body).toMatchObject({ weights, version: 2 });
    const stale = await t.http.put('/api/reuse/weights').set(w.coord.auth).send({ version: 1, weights });
    expect([stale.status, stale.body.code]).toEqual([409, 'STALE_VERSION']);
    // the other tenant keeps its own
    const bologna = await t.http.get('/api/reuse/weights').set(w.coordBo.auth).expect(200);
    expect(bologna.body).toMatchObject({ weights: REUSE_DEFAULT_WEIGHTS, version: 1 });

    await waitForScores(w.coord);
    const ranked = await t.http.get('/api/reuse/buildings?pageSize=50').set(w.coord.auth).expect(200);
    const bari = ranked.body.items.find((i: { building: { id: string } }) => i.building.id === ids['B.Bari']);
    expect(bari.factors.find((f: Part) => f.factor === 'condition')).toEqual({
      factor: 'condition',
      contribution: 40,
      explanation: '+40 condizioni buone',
    });
    expect(bari.factors.find((f: Part) => f.factor === 'demand')).toBeUndefined();
    expect(sum(bari.factors)).toBe(bari.score);

    const reset = await t.http.post('/api/reuse/weights/reset').set(w.coord.auth).send({ version: 2 }).expect(200);
    expect(reset.body).toMatchObject({ weights: REUSE_DEFAULT_WEIGHTS, version: 3 });
    const audit = await t.db.query(
      `SELECT action, before, after FROM audit_log WHERE entity = 'reuse_weights' AND tenant_id = $1 ORDER BY id`,
      [w.bari.id],
    );
    expect(audit.map((a: { action: string }) => a.action)).toEqual(['update', 'reset']);
    expect(audit[0].before.condition).toBe(15);
    expect(audit[0].after.condition).toBe(40);
    expect(audit[1].after).toEqual(REUSE_DEFAULT_WEIGHTS);
    await waitForScores(w.coord);
  });

  it('proposes an assignment plan maximising the total fit, writing nothing', async () => {
    const res = await t.http
      .post('/api/reuse/plan')
      .set(w.coord.auth)
      .send({ buildings: [ids['B.Bari'], ids['B.Corato']] })
      .expect(200);
    expect(res.body.pairs).toHaveLength(1);
    expect(res.body.pairs[0]).toMatchObject({ building: { id: ids['B.Bari'] }, organization: { id: orgs.culture2 }, fit: 70 });
    expect(res.body.unmatched).toEqual([ids['B.Corato']]);
    await t.http.post('/api/reuse/plan').set(w.coord.auth).send({ buildings: [] }).expect(400);
    await t.http
      .post('/api/reuse/plan')
      .set(w.coord.auth)
      .send({ buildings: ['x'] })
      .expect(400);
    await t.http
      .post('/api/reuse/plan')
      .set(w.innC.auth)
      .send({ buildings: [ids['B.Bari']] })
      .expect(404);
  });

  it("turns a match into the building's next step (planned, candidate noted, audited); coordinators only", async () => {
    const id = ids['B.Bari'];
    const assessed = await t.http.post(`/api/buildings/${id}/stage`).set(w.coord.auth).send({ to: 'assessed', version: 1 }).expect(200);
    const version = assessed.body.version as number;
    await t.http.post(`/api/reuse/buildings/${id}/propose`).set(w.innA.auth).send({ organization: orgs.culture, version }).expect(403);
    const notMatch = await t.http.post(`/api/reuse/buildings/${id}/propose`).set(w.coord.auth).send({ organization: orgs.sport, version });
    expect([notMatch.status, notMatch.body.code]).toEqual([400, 'REUSE_NOT_A_MATCH']);
    const stale = await t.http
      .post(`/api/reuse/buildings/${id}/propose`)
      .set(w.coord.auth)
      .send({ organization: orgs.culture, version: version - 1 });
    expect([stale.status, stale.body.code]).toEqual([409, 'STALE_VERSION']);
    await t.http.post(`/api/reuse/buildings/${id}/propose`).set(w.coord.auth).send({ organization: 'nope', version }).expect(400);
    const res = await t.http
      .post(`/api/reuse/buildings/${id}/propose`)
      .set(w.coord.auth)
      .send({ organization: orgs.culture, version })
      .expect(200);
    expect(res.body).toMatchObject({ id, stage: 'planned' });
    const history = await t.http.get(`/api/buildings/${id}/history`).set(w.coord.auth).expect(200);
    const last = history.body.stages[history.body.stages.length - 1];
    expect(last).toMatchObject({ from: 'assessed', to: 'planned' });
    expect(last.reason).toContain('APS Teatro di quartiere');
    expect(history.body.audit.map((e: { action: string }) => e.action)).toContain('stage');
    // from planned the pipeline goes to assigned, not planned again
    const again = await t.http
      .post(`/api/reuse/buildings/${id}/propose`)
      .set(w.coord.auth)
      .send({ organization: orgs.culture, version: res.body.version });
    expect([again.status, again.body.code]).toEqual([409, 'BUILDING_INVALID_STAGE']);
  });

  it('answers a weights change with its own result when the running job wrote its progress in between (never a 409 after saving)', async () => {
    await waitForScores(w.coord);
    const current = await t.http.get('/api/reuse/weights').set(w.coord.auth).expect(200);
    // the job row as the request reads it, then a progress write of the running job before the request writes it
    const repo = t.app.get(ReuseRepository);
    const read = repo.job.bind(repo);
    const spy = jest.spyOn(repo, 'job').mockImplementationOnce(async (...args: Parameters<typeof repo.job>) => {
      const job = await read(...args);
      await t.db.query(`UPDATE reuse_jobs SET heartbeat_at = now(), version = version + 1 WHERE tenant_id = $1`, [w.bari.id]);
      return job;
    });
    try {
      const weights = { ...REUSE_DEFAULT_WEIGHTS, condition: 33 };
      const res = await t.http.put('/api/reuse/weights').set(w.coord.auth).send({ version: current.body.version, weights });
      expect([res.status, res.body.version]).toEqual([200, current.body.version + 1]);
      expect(spy).toHaveBeenCalled();
    } finally {
      spy.mockRestore();
    }
    // the recompute was asked for and runs with the new weights
    const done = await waitForScores(w.coord);
    expect(done).toMatchObject({ status: 'idle', stale: false });
    await t.http
      .post('/api/reuse/weights/reset')
      .set(w.coord.auth)
      .send({ version: current.body.version + 1 })
      .expect(200);
    await waitForScores(w.coord);
  });

  it('takes over a recompute whose replica stopped beating, and ignores one that is alive', async () => {
    // another replica claimed the job and died: status running, heartbeat two minutes old, scores never written
    await t.db.query(
      `UPDATE reuse_jobs SET status = 'running', started_at = now() - interval '2 minutes', heartbeat_at = now() - interval '2 minutes',
              requested_at = now() - interval '3 minutes', version = version + 1 WHERE tenant_id = $1`,
      [w.bari.id],
    );
    const done = await waitForScores(w.coord);
    expect(done).toMatchObject({ status: 'idle', stale: false, total: 4, done: 4 });
    // a live one (fresh heartbeat) is left to its replica: nobody else runs it
    await t.db.query(`UPDATE reuse_jobs SET status = 'running', heartbeat_at = now(), version = version + 1 WHERE tenant_id = $1`, [
      w.bari.id,
    ]);
    const live = await t.http.get('/api/reuse/status').set(w.coord.auth).expect(200);
    expect(live.body).toMatchObject({ status: 'running', stale: true });
    await new Promise((r) => setTimeout(r, 300));
    const [job] = await t.db.query(`SELECT status FROM reuse_jobs WHERE tenant_id = $1`, [w.bari.id]);
    expect(job.status).toBe('running');
    await t.db.query(`UPDATE reuse_jobs SET status = 'idle', version = version + 1 WHERE tenant_id = $1`, [w.bari.id]);
  });

  it('refuses admins (no tenant of their own) and keeps the status per tenant', async () => {
    const res = await t.http.get('/api/reuse/buildings').set(w.admin.auth);
    expect(res.status).toBe(403);
    const status = await t.http.get('/api/reuse/status').set(w.coordBo.auth).expect(200);
    expect(status.body).toMatchObject({ status: 'idle', total: 1, done: 1 });
  });
});
