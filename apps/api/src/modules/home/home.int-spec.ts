import type { ActivityStatus } from '@trama/contracts';
import type { ActivityResponseDto as ActivityDto } from '../activities/dto/activity.response';
import type { CoordinatorHomeResponse, HomeCountsResponse, InnovatorHomeResponse, MunicipalityHomeResponse } from './dto/home.response';
import { describeAccessMatrix } from '../../test/access-matrix';
import { type Actor, type ActivityWorld, activityIn, activityWorld } from '../../test/activity-fixtures';
import { createTestApp, type TestApp } from '../../test/test-app';
import { addDays, italianDate } from './home-dates';

const TODAY = italianDate(new Date());
const daysAgo = (n: number) => addDays(TODAY, -n);
const YEAR = `from=${daysAgo(364)}&to=${TODAY}`;

type Viewer = Exclude<keyof ActivityWorld, 'bari' | 'bologna'>;

/** The fixtures: author, status, municipality, days ago, with a point or not (their title is their name). */
const FIXTURES = {
  'A.draft.Bari': { status: 'draft', author: 'innA', municipality: '072006', ago: 2 },
  'A.submitted.Bari': { status: 'submitted', author: 'innA', municipality: '072006', ago: 3 },
  'A.returned.Bari': { status: 'returned', author: 'innA', municipality: '072006', ago: 4 },
  'A.approved.Bari': { status: 'approved', author: 'innA', municipality: '072006', ago: 5, point: true },
  'A.approved.Molfetta': { status: 'approved', author: 'innA', municipality: '072029', ago: 40, point: true },
  'B.draft.Bari': { status: 'draft', author: 'innB', municipality: '072006', ago: 1 },
  'B.submitted.Bari': { status: 'submitted', author: 'innB', municipality: '072006', ago: 6 },
  'B.returned.Giovinazzo': { status: 'returned', author: 'innB', municipality: '072022', ago: 7 },
  'B.approved.Giovinazzo': { status: 'approved', author: 'innB', municipality: '072022', ago: 8 },
  'Bo.approved.Bologna': { status: 'approved', author: 'innBo', municipality: '037006', ago: 3, point: true },
  'Bo.draft.Bologna': { status: 'draft', author: 'innBo', municipality: '037006', ago: 3 },
} satisfies Record<string, { status: ActivityStatus; author: Viewer; municipality: string; ago: number; point?: boolean }>;
type Fixture = keyof typeof FIXTURES;
const ALL = Object.keys(FIXTURES) as Fixture[];
const POINTS: Partial<Record<string, { lat: number; lon: number }>> = {
  '072006': { lat: 41.1171, lon: 16.8719 },
  '072029': { lat: 41.2009, lon: 16.5988 },
  '037006': { lat: 44.4949, lon: 11.3426 },
};

const items = (body: unknown): unknown[] => {
  const b = body as InnovatorHomeResponse;
  return [...b.returned.items, ...b.drafts.items, ...b.submitted.items];
};

describe('homes (GET /api/home/*)', () => {
  let t: TestApp;
  let w: ActivityWorld;
  const a = {} as Record<Fixture, ActivityDto>;
  const get = async <T>(who: Actor, path: string, status = 200): Promise<T> => {
    const res = await t.http.get(path).set(who.auth);
    if (res.status !== status) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as T;
  };

  beforeAll(async () => {
    t = await createTestApp();
    w = await activityWorld(t);
    for (const [name, f] of Object.entries(FIXTURES) as [Fixture, (typeof FIXTURES)[Fixture]][]) {
      const reviewer = f.municipality === '037006' ? w.coordBo : w.coord;
      a[name] = await activityIn(t, f.status, w[f.author], reviewer, {
        municipality: f.municipality,
        title: name,
        date: daysAgo(f.ago),
        themes: f.municipality === '072029' ? ['culture'] : ['youth', 'culture'],
        type: f.ago % 2 === 0 ? 'workshop' : 'meeting',
        location: 'point' in f && f.point ? POINTS[f.municipality] : undefined,
      });
    }
  });
  afterAll(() => t.close());

  // first in the file: later tests change fixtures
  describeAccessMatrix<'innA' | 'innB' | 'innC' | 'innBo', Fixture>({
    feature: 'innovator home',
    http: () => t.http,
    viewers: ['innA', 'innB', 'innC', 'innBo'],
    fixtures: ALL,
    auth: (viewer) => w[viewer].auth,
    id: (fixture) => a[fixture].id,
    // own returned, drafts and submitted only: never a colleague's, never another tenant's
    sees: {
      innA: ['A.draft.Bari', 'A.submitted.Bari', 'A.returned.Bari'],
      innB: ['B.draft.Bari', 'B.submitted.Bari', 'B.returned.Giovinazzo'],
      innC: [],
      innBo: ['Bo.draft.Bologna'],
    },
    list: { path: '/api/home/innovator', items, total: null },
  });

  describeAccessMatrix<'muniBari' | 'areaMolfetta' | 'admin', Fixture>({
    feature: 'municipality home',
    http: () => t.http,
    viewers: ['muniBari', 'areaMolfetta', 'admin'],
    fixtures: ALL,
    auth: (viewer) => w[viewer].auth,
    id: (fixture) => a[fixture].id,
    // approved activities of their territory only (an admin: every tenant's approved ones)
    sees: {
      muniBari: ['A.approved.Bari'],
      areaMolfetta: ['A.approved.Molfetta', 'B.approved.Giovinazzo'],
      admin: ['A.approved.Bari', 'A.approved.Molfetta', 'B.approved.Giovinazzo', 'Bo.approved.Bologna'],
    },
    list: [
      { name: 'latest', path: `/api/home/municipality?${YEAR}`, items: (b) => (b as MunicipalityHomeResponse).latest, total: null },
      {
        name: 'points',
        path: `/api/home/municipality?${YEAR}`,
        items: (b) => (b as MunicipalityHomeResponse).points,
        matches: (f) => 'point' in FIXTURES[f],
        total: null,
      },
    ],
  });

  describe('innovator', () => {
    it("counts and lists the innovator's own work only, the coordinator's comment with each returned activity", async () => {
      const home = await get<InnovatorHomeResponse>(w.innA, '/api/home/innovator');
      expect(home.today).toBe(TODAY);
      expect(home.staleDays).toBe(30);
      expect(home.drafts).toMatchObject({ total: 1, capped: false });
      expect(home.drafts.items.map((i) => i.title)).toEqual(['A.draft.Bari']);
      expect(home.submitted.items.map((i) => i.title)).toEqual(['A.submitted.Bari']);
      expect(home.returned.items).toEqual([
        expect.objectContaining({ title: 'A.returned.Bari', reviewComment: 'Aggiungi i partecipanti per gruppo', status: 'returned' }),
      ]);
      expect(home.approved).toBe(2);
    });

    it('lists the assigned municipalities without an own activity in the last staleDays days, never visited first', async () => {
      const home = await get<InnovatorHomeResponse>(w.innA, '/api/home/innovator');
      // Bari: own activities 2–5 days ago; Molfetta: 40 days ago
      expect(home.assignedMunicipalities).toBe(2);
      expect(home.unvisited).toEqual([{ istatCode: '072029', name: 'Molfetta', lastVisit: daysAgo(40), daysSince: 40 }]);
      expect((await get<InnovatorHomeResponse>(w.innA, '/api/home/innovator?staleDays=60')).unvisited).toEqual([]);
      // Bruno: Bari 1 day ago (his draft), Giovinazzo 7 days ago; Anna's Molfetta is not his
      expect((await get<InnovatorHomeResponse>(w.innB, '/api/home/innovator?staleDays=3')).unvisited).toEqual([
        { istatCode: '072022', name: 'Giovinazzo', lastVisit: daysAgo(7), daysSince: 7 },
      ]);
      // Anna's visits of Bari are not Bruno's: with a 1-day window, Bari (his last 1 day ago) is not visited either; longest ago first
      expect((await get<InnovatorHomeResponse>(w.innB, '/api/home/innovator?staleDays=1')).unvisited.map((m) => m.name)).toEqual([
        'Giovinazzo',
        'Bari',
      ]);
      const carla = await get<InnovatorHomeResponse>(w.innC, '/api/home/innovator');
      expect(carla.unvisited).toEqual([{ istatCode: '072020', name: 'Corato', lastVisit: null, daysSince: null }]);
    });

    it('refuses other roles and a malformed staleDays', async () => {
      await get(w.coord, '/api/home/innovator', 403);
      await get(w.muniBari, '/api/home/innovator', 403);
      for (const bad of ['0', '366', 'abc', '1.5']) await get(w.innA, `/api/home/innovator?staleDays=${bad}`, 400);
    });
  });

  describe('coordinator', () => {
    it('shows the queue of their tenant and its oldest item, with its age', async () => {
      const home = await get<CoordinatorHomeResponse>(w.coord, '/api/home/coordinator');
      expect(home.queue).toMatchObject({ total: 2, capped: false });
      // A was submitted before B (fixtures are created in order)
      expect(home.queue.oldest).toMatchObject({ title: 'A.submitted.Bari', authorName: 'Anna Innovatrice' });
      expect(home.queue.oldestWaitingHours).toBeGreaterThanOrEqual(0);
      const bo = await get<CoordinatorHomeResponse>(w.coordBo, '/api/home/coordinator');
      expect(bo.queue).toMatchObject({ total: 0, oldest: null, oldestWaitingHours: null });
    });

    it('lists the active innovators without activity lately, never active first, in their tenant only', async () => {
      const home = await get<CoordinatorHomeResponse>(w.coord, '/api/home/coordinator?staleDays=3');
      // Carla never; Anna's last is 2 days ago (active); Bruno's 1 day ago (active)
      expect(home.inactiveInnovators.map((u) => u.fullName)).toEqual(['Carla Innovatrice']);
      expect(home.inactiveTotal).toBe(1);
      expect(home.inactiveInnovators[0]).toMatchObject({ lastActivityDate: null, daysSince: null });
      const bo = await get<CoordinatorHomeResponse>(w.coordBo, '/api/home/coordinator?staleDays=2');
      // Bianca's activities are 3 days old
      expect(bo.inactiveInnovators).toEqual([
        expect.objectContaining({ fullName: 'Bianca Bolognese', lastActivityDate: daysAgo(3), daysSince: 3 }),
      ]);
    });

    it("counts the last week's output by status and type, and lists activities returned long ago and not resubmitted", async () => {
      const home = await get<CoordinatorHomeResponse>(w.coord, '/api/home/coordinator');
      // Bari's activities dated in the last 7 days (0–6 days ago): A.draft 2, A.submitted 3, A.returned 4, A.approved 5, B.draft 1, B.submitted 6
      expect(home.lastWeek).toMatchObject({ from: daysAgo(6), to: TODAY, total: 6 });
      expect(home.lastWeek.byStatus).toEqual({ draft: 2, submitted: 2, returned: 1, approved: 1 });
      expect(home.lastWeek.byType.workshop).toBe(3);
      expect(home.lastWeek.byType.meeting).toBe(3);
      const [returned] = home.expiring;
      expect(returned).toMatchObject({ kind: 'returned_not_resubmitted', total: 0, items: [] });

      // Bruno's return happened 40 days ago (as the database would have it then)
      await t.db.query(`UPDATE activities SET reviewed_at = now() - interval '40 days' WHERE id = $1`, [a['B.returned.Giovinazzo'].id]);
      const later = await get<CoordinatorHomeResponse>(w.coord, '/api/home/coordinator');
      expect(later.expiring[0]).toMatchObject({ total: 1 });
      expect(later.expiring[0].items.map((i) => i.title)).toEqual(['B.returned.Giovinazzo']);
      expect((await get<CoordinatorHomeResponse>(w.coord, '/api/home/coordinator?staleDays=60')).expiring[0].total).toBe(0);
      expect((await get<CoordinatorHomeResponse>(w.coordBo, '/api/home/coordinator')).expiring[0].total).toBe(0);
    });

    it('refuses innovators and municipality users', async () => {
      await get(w.innA, '/api/home/coordinator', 403);
      await get(w.muniBari, '/api/home/coordinator', 403);
    });
  });

  describe('municipality', () => {
    it('counts the approved activities of their territory by type and theme, over the last 90 days by default', async () => {
      const home = await get<MunicipalityHomeResponse>(w.areaMolfetta, '/api/home/municipality');
      expect(home).toMatchObject({ from: daysAgo(89), to: TODAY, defaultPeriod: true });
      // Molfetta 40 days ago (culture) + Giovinazzo 8 days ago (youth, culture); no draft, submitted or returned one
      expect(home.approved).toEqual({ total: 2, capped: false });
      expect(home.byType).toMatchObject({ workshop: 2, meeting: 0 });
      expect(home.byTheme).toMatchObject({ culture: 2, youth: 1, environment: 0 });
      expect(home.latest.map((i) => i.title)).toEqual(['B.approved.Giovinazzo', 'A.approved.Molfetta']);
      expect(home.latest.every((i) => i.reviewComment === null)).toBe(true);
      expect(home.points).toEqual([
        expect.objectContaining({ title: 'A.approved.Molfetta', lat: 41.2009, lon: 16.5988, municipalityName: 'Molfetta' }),
      ]);

      const month = await get<MunicipalityHomeResponse>(w.areaMolfetta, `/api/home/municipality?from=${daysAgo(29)}&to=${TODAY}`);
      expect(month).toMatchObject({ defaultPeriod: false, approved: { total: 1 } });
      expect(month.points).toEqual([]);
    });

    it("shows another tenant's municipality user nothing of this one", async () => {
      const bari = await get<MunicipalityHomeResponse>(w.muniBari, `/api/home/municipality?${YEAR}`);
      expect(bari.approved.total).toBe(1);
      expect(bari.latest.map((i) => i.title)).toEqual(['A.approved.Bari']);
    });

    it('refuses a period that ends before it starts, malformed dates and other roles', async () => {
      await get(w.muniBari, `/api/home/municipality?from=${TODAY}&to=${daysAgo(1)}`, 400);
      await get(w.muniBari, '/api/home/municipality?from=2026-02-30', 400);
      await get(w.innA, '/api/home/municipality', 403);
      await get(w.coord, '/api/home/municipality', 403);
    });
  });

  describe('badges', () => {
    it("counts an innovator's returned activities and a coordinator's queue, under their scope", async () => {
      expect(await get<HomeCountsResponse>(w.innA, '/api/home/counts')).toEqual({ returned: 1, reviewQueue: null });
      expect(await get<HomeCountsResponse>(w.innC, '/api/home/counts')).toEqual({ returned: 0, reviewQueue: null });
      expect(await get<HomeCountsResponse>(w.coordBo, '/api/home/counts')).toEqual({ returned: null, reviewQueue: 0 });
      expect(await get<HomeCountsResponse>(w.muniBari, '/api/home/counts')).toEqual({ returned: null, reviewQueue: null });
      const before = await get<HomeCountsResponse>(w.coord, '/api/home/counts');
      expect(before).toEqual({ returned: null, reviewQueue: 2 });
      // approving one leaves the queue
      const res = await t.http
        .post(`/api/activities/${a['B.submitted.Bari'].id}/approve`)
        .set(w.coord.auth)
        .send({ version: a['B.submitted.Bari'].version });
      expect(res.status).toBe(200);
      expect(await get<HomeCountsResponse>(w.coord, '/api/home/counts')).toEqual({ returned: null, reviewQueue: 1 });
    });
  });
});
