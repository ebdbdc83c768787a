import type { ActivityStatus } from '@trama/contracts';
import type { ActivityResponseDto as ActivityDto } from './dto/activity.response';
import { describeAccessMatrix } from '../../test/access-matrix';
import { type ActivityWorld, activityIn, activityWorld, createActivity, signIn } from '../../test/activity-fixtures';
import { createTestApp, type TestApp } from '../../test/test-app';

const field = (body: unknown, key: string) => (body as Record<string, unknown>)[key];

type Viewer = Exclude<keyof ActivityWorld, 'bari' | 'bologna'>;
const VIEWERS: Viewer[] = ['innA', 'innB', 'innC', 'coord', 'muniBari', 'areaMolfetta', 'innBo', 'coordBo', 'admin'];

/** The fixtures: who wrote them, in which status and municipality (their title is their name). */
const FIXTURES = {
  // Anna (Bari, Molfetta)
  'A.draft.Bari': { status: 'draft', author: 'innA', municipality: '072006' },
  'A.submitted.Bari': { status: 'submitted', author: 'innA', municipality: '072006' },
  'A.approved.Bari': { status: 'approved', author: 'innA', municipality: '072006' },
  'A.returned.Bari': { status: 'returned', author: 'innA', municipality: '072006' },
  'A.draft.Molfetta': { status: 'draft', author: 'innA', municipality: '072029' },
  'A.approved.Molfetta': { status: 'approved', author: 'innA', municipality: '072029' },
  // Bruno (Bari, Giovinazzo): shares Bari with Anna
  'B.draft.Bari': { status: 'draft', author: 'innB', municipality: '072006' },
  'B.submitted.Bari': { status: 'submitted', author: 'innB', municipality: '072006' },
  'B.approved.Bari': { status: 'approved', author: 'innB', municipality: '072006' },
  'B.approved.Giovinazzo': { status: 'approved', author: 'innB', municipality: '072022' },
  // Carla (Corato): shares nothing with Anna
  'C.submitted.Corato': { status: 'submitted', author: 'innC', municipality: '072020' },
  'C.approved.Corato': { status: 'approved', author: 'innC', municipality: '072020' },
  // Bologna
  'Bo.approved.Bologna': { status: 'approved', author: 'innBo', municipality: '037006' },
  'Bo.draft.Bologna': { status: 'draft', author: 'innBo', municipality: '037006' },
} satisfies Record<string, { status: ActivityStatus; author: Viewer; municipality: string }>;
type Fixture = keyof typeof FIXTURES;
const ALL = Object.keys(FIXTURES) as Fixture[];
const BARI = ALL.filter((k) => !k.startsWith('Bo.'));

/** Who reads which fixture: the rule of docs/activities.md, spelled out. */
const SEES: Record<Viewer, Fixture[]> = {
  // own (any status) + colleagues' non-drafts in Bari and Molfetta
  innA: [...ALL.filter((k) => k.startsWith('A.')), 'B.submitted.Bari', 'B.approved.Bari'],
  // own + colleagues' non-drafts in Bari and Giovinazzo (not Anna's Molfetta ones)
  innB: [...ALL.filter((k) => k.startsWith('B.')), 'A.submitted.Bari', 'A.approved.Bari', 'A.returned.Bari'],
  // own only: no colleague works in Corato
  innC: ['C.submitted.Corato', 'C.approved.Corato'],
  coord: BARI,
  // approved activities of their territory only
  muniBari: ['A.approved.Bari', 'B.approved.Bari'],
  areaMolfetta: ['A.approved.Molfetta', 'B.approved.Giovinazzo'],
  innBo: ['Bo.approved.Bologna', 'Bo.draft.Bologna'],
  // coordinators read every status of their tenant, drafts included: they lead the innovators' work
  coordBo: ['Bo.approved.Bologna', 'Bo.draft.Bologna'],
  admin: ALL,
};

/**
 * The access matrix: every role × own / colleague's activity × inside / outside the assigned
 * municipalities × other tenant, for detail, list, export, history and map layer (the same rule everywhere;
 * the history is staff matter: municipality users get 404 even for what they read).
 */
describe('activities: who reads what (detail, list, export, history, map layer)', () => {
  let t: TestApp;
  let w: ActivityWorld;
  /** fixture name → activity */
  const a = {} as Record<Fixture, ActivityDto>;

  beforeAll(async () => {
    t = await createTestApp();
    w = await activityWorld(t);
    for (const [name, f] of Object.entries(FIXTURES)) {
      const reviewer = f.municipality === '037006' ? w.coordBo : w.coord;
      // every fixture is placed (the test territory has no boundaries): the map layer shows them all
      a[name as Fixture] = await activityIn(t, f.status, w[f.author], reviewer, {
        municipality: f.municipality,
        title: name,
        location: { lat: 41.1, lon: 16.8 },
      });
    }
  });
  afterAll(() => t.close());

  // first in the file: the later tests create activities the matrix does not know
  describeAccessMatrix<Viewer, Fixture>({
    feature: 'activities',
    http: () => t.http,
    viewers: VIEWERS,
    fixtures: ALL,
    auth: (viewer) => w[viewer].auth,
    id: (fixture) => a[fixture].id,
    sees: SEES,
    detail: { path: (id) => `/api/activities/${id}`, notFoundCode: 'ACTIVITY_NOT_FOUND' },
    list: [
      {
        path: '/api/activities?pageSize=200',
        assert: (body) => (field(body, 'totalCapped') === false ? undefined : 'totalCapped is not false'),
      },
      { name: 'status=approved', path: '/api/activities?pageSize=200&status=approved', matches: (f) => FIXTURES[f].status === 'approved' },
      { name: 'status=draft', path: '/api/activities?pageSize=200&status=draft', matches: (f) => FIXTURES[f].status === 'draft' },
      {
        name: 'municipality=072006',
        path: '/api/activities?pageSize=200&municipality=072006',
        matches: (f) => FIXTURES[f].municipality === '072006',
      },
      {
        name: 'socialArea=ATS_BA_MOLFETTA',
        path: '/api/activities?pageSize=200&socialArea=ATS_BA_MOLFETTA',
        matches: (f) => ['072029', '072022'].includes(FIXTURES[f].municipality),
      },
      {
        name: 'innovator=innB',
        path: () => `/api/activities?pageSize=200&innovator=${w.innB.id}`,
        matches: (f) => FIXTURES[f].author === 'innB',
      },
      { name: 'sort=date', path: '/api/activities?pageSize=200&sort=date' },
      { name: 'bbox (what a map shows)', path: '/api/activities?pageSize=200&bbox=16.7,41,16.9,41.2' },
      { name: 'bbox elsewhere', path: '/api/activities?pageSize=200&bbox=11,44,12,45', matches: () => false },
    ],
    // the map layer: the same rule (few points: each fixture is a feature, none is counted in a cluster)
    mapLayer: [
      { path: '/api/map/layers/activities?bbox=-180,-90,180,90&zoom=2' },
      {
        name: 'status=approved, street zoom',
        path: '/api/map/layers/activities?bbox=16.79,41.09,16.81,41.11&zoom=17&status=approved',
        matches: (f) => FIXTURES[f].status === 'approved',
      },
      {
        name: 'municipality=072006',
        path: '/api/map/layers/activities?bbox=16.7,41,16.9,41.2&zoom=12&municipality=072006',
        matches: (f) => FIXTURES[f].municipality === '072006',
      },
    ],
    export: [
      { path: '/api/activities/export?format=csv' },
      {
        name: 'status=submitted',
        path: '/api/activities/export?format=csv&status=submitted',
        matches: (f) => FIXTURES[f].status === 'submitted',
      },
    ],
    history: {
      path: (id) => `/api/activities/${id}/history`,
      notFoundCode: 'ACTIVITY_NOT_FOUND',
      sees: (viewer, _fixture, seen) => seen && viewer !== 'muniBari' && viewer !== 'areaMolfetta',
    },
  });

  it('never shows internal notes nor the review to municipality users (detail, list, export)', async () => {
    for (const who of [w.muniBari, w.areaMolfetta]) {
      const list = await t.http.get('/api/activities').set(who.auth).expect(200);
      expect(list.body.items.length).toBeGreaterThan(0);
      for (const item of list.body.items) {
        expect(item).not.toHaveProperty('internalNotes');
        expect(item.reviewedBy).toBeNull();
        const detail = await t.http.get(`/api/activities/${item.id}`).set(who.auth).expect(200);
        expect(detail.body).not.toHaveProperty('internalNotes');
        expect(JSON.stringify(detail.body)).not.toContain('Nota riservata');
      }
      const csv = await t.http.get('/api/activities/export?format=csv').set(who.auth).expect(200);
      expect(csv.text.split('\r\n')[0]).not.toContain('internal_notes');
      expect(csv.text).not.toContain('Nota riservata');
    }
    // staff do see them
    const staff = await t.http.get(`/api/activities/${a['A.approved.Bari'].id}`).set(w.innB.auth).expect(200);
    expect(staff.body.internalNotes).toBe('Nota riservata allo staff.');
  });

  it('never shows a municipality user drafts, submitted or returned activities, even when filtering by status', async () => {
    for (const status of ['draft', 'submitted', 'returned']) {
      const res = await t.http.get(`/api/activities?status=${status}`).set(w.muniBari.auth).expect(200);
      expect(res.body).toMatchObject({ items: [], total: 0 });
    }
  });

  it('cannot be widened by filters: a municipality or social area outside the scope gives an empty list', async () => {
    const corato = await t.http.get('/api/activities?municipality=072020').set(w.innA.auth).expect(200);
    expect(corato.body.items).toEqual([]);
    const bologna = await t.http.get('/api/activities?municipality=037006').set(w.coord.auth).expect(200);
    expect(bologna.body.items).toEqual([]);
    const area = await t.http.get('/api/activities?socialArea=ATS_BA_CORATO').set(w.muniBari.auth).expect(200);
    expect(area.body.items).toEqual([]);
    const drafts = await t.http.get(`/api/activities?innovator=${w.innB.id}&status=draft`).set(w.innA.auth).expect(200);
    expect(drafts.body.items).toEqual([]);
  });

  it("keeps an innovator's own activities readable after the municipality is unassigned, and hides the colleagues' there", async () => {
    const dora = await signIn(
      t,
      await t.factory.user({ role: 'innovator', tenant: w.bari, municipalities: ['072038', '072006'], fullName: 'Dora' }),
    );
    const own = await createActivity(t, dora, { municipality: '072038', title: 'Dora a Ruvo' });
    const colleague = await activityIn(t, 'approved', w.innC, w.coord, { municipality: '072020', title: 'Carla a Corato (2)' });
    await t.db.query('DELETE FROM user_municipalities WHERE user_id = $1 AND municipality_id = $2', [
      dora.id,
      w.bari.municipalities['072038'],
    ]);
    await t.http.get(`/api/activities/${own.id}`).set(dora.auth).expect(200);
    await t.http.get(`/api/activities/${colleague.id}`).set(dora.auth).expect(404);
    // and re-assignment applies at once (the scope is read on every request)
    await t.db.query('INSERT INTO user_municipalities (user_id, municipality_id, tenant_id) VALUES ($1, $2, $3)', [
      dora.id,
      w.bari.municipalities['072020'],
      w.bari.id,
    ]);
    await t.http.get(`/api/activities/${colleague.id}`).set(dora.auth).expect(200);
  });

  it('answers 401 without a token', async () => {
    await t.http.get('/api/activities').expect(401);
    await t.http.get(`/api/activities/${a['A.approved.Bari'].id}`).expect(401);
    await t.http.get('/api/activities/export?format=csv').expect(401);
  });
});
