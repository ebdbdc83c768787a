import { type AccessMatrix, describeAccessMatrix } from '../../test/access-matrix';
import { type ActivityWorld, activityWorld } from '../../test/activity-fixtures';
import type { TestTenant } from '../../test/factories';
import { createTestApp, type TestApp } from '../../test/test-app';

/**
 * Who sees which collaboration suggestions, checked by the access-matrix harness on every surface
 * that shows them (docs/collaborations.md, "Access"): coordinators their whole tenant, innovators the
 * pairs involving an organization of a municipality assigned to them, municipality users those of
 * their municipality or social area, another tenant nothing.
 *
 * One complementary pair per municipality, each on resources and themes of its own, so the model
 * suggests exactly these pairs (no pair across municipalities).
 */
type Viewer = Exclude<keyof ActivityWorld, 'bari' | 'bologna' | 'admin'>;
const VIEWERS: Viewer[] = ['innA', 'innB', 'innC', 'coord', 'muniBari', 'areaMolfetta', 'innBo', 'coordBo'];

const PAIRS = {
  'S.Bari': { tenant: 'bari', istat: '072006', offers: ['funding'], themes: ['culture'] },
  'S.Molfetta': { tenant: 'bari', istat: '072029', offers: ['space'], themes: ['youth'] },
  'S.Giovinazzo': { tenant: 'bari', istat: '072022', offers: ['equipment'], themes: ['sport'] },
  'S.Corato': { tenant: 'bari', istat: '072020', offers: ['volunteers'], themes: ['elderly'] },
  'S.Bologna': { tenant: 'bologna', istat: '037006', offers: ['skills'], themes: ['work'] },
} as const;
type Fixture = keyof typeof PAIRS;
const ALL = Object.keys(PAIRS) as Fixture[];
const BARI_TENANT = ALL.filter((f) => f !== 'S.Bologna');

/** The rule, spelled out: a pair belongs to its organizations' municipality. */
const SEES: Record<Viewer, Fixture[]> = {
  innA: ['S.Bari', 'S.Molfetta'],
  innB: ['S.Bari', 'S.Giovinazzo'],
  innC: ['S.Corato'],
  coord: BARI_TENANT,
  muniBari: ['S.Bari'],
  areaMolfetta: ['S.Molfetta', 'S.Giovinazzo'],
  innBo: ['S.Bologna'],
  coordBo: ['S.Bologna'],
};

describe('collaboration suggestions: access', () => {
  let t: TestApp;
  let w: ActivityWorld;
  const ids = {} as Record<Fixture, string>;
  const orgs = {} as Record<Fixture, string>;

  async function organization(
    tenant: TestTenant,
    name: string,
    istat: string,
    kind: string,
    p: { offers?: string[]; needs?: string[]; themes: string[] },
  ) {
    const [row] = await t.db.query(
      `INSERT INTO organizations (tenant_id, name, kind, municipality_id, offers, needs, themes, target_groups)
       VALUES ($1, $2, $3, $4, $5, $6, $7, '{}') RETURNING id`,
      [tenant.id, name, kind, tenant.municipalities[istat], p.offers ?? [], p.needs ?? [], p.themes],
    );
    return row.id as string;
  }

  beforeAll(async () => {
    t = await createTestApp();
    w = await activityWorld(t);
    for (const f of ALL) {
      const p = PAIRS[f];
      const tenant = w[p.tenant];
      orgs[f] = await organization(tenant, `${f} offre`, p.istat, 'school', { offers: [...p.offers], themes: [...p.themes] });
      await organization(tenant, `${f} cerca`, p.istat, 'aps', { needs: [...p.offers], themes: [...p.themes] });
    }
    // the first read of each tenant computes its suggestions; the coordinators' lists give their ids
    for (const coord of [w.coord, w.coordBo]) {
      const res = await t.http.get('/api/collaborations/suggestions?pageSize=100').set(coord.auth).expect(200);
      for (const s of res.body.items as { id: string; organizations: { name: string }[] }[]) {
        const f = s.organizations[0].name.replace(/ (offre|cerca)$/, '') as Fixture;
        if (s.organizations.every((o) => o.name.startsWith(`${f} `))) ids[f] = s.id;
      }
    }
    const missing = ALL.filter((f) => !ids[f]);
    if (missing.length) throw new Error(`the model did not suggest ${missing.join(', ')}`);
  });
  afterAll(() => t.close());

  const matrix: AccessMatrix<Viewer, Fixture> = {
    feature: 'collaboration suggestions',
    http: () => t.http,
    viewers: VIEWERS,
    fixtures: ALL,
    auth: (viewer) => w[viewer].auth,
    id: (fixture) => ids[fixture],
    sees: SEES,
    detail: { path: (id) => `/api/collaborations/suggestions/${id}`, notFoundCode: 'COLLABORATION_SUGGESTION_NOT_FOUND' },
    list: [
      { path: '/api/collaborations/suggestions?pageSize=100' },
      { name: 'status=open, lang=en', path: '/api/collaborations/suggestions?pageSize=100&status=open&lang=en' },
      { name: 'theme=youth', path: '/api/collaborations/suggestions?pageSize=100&theme=youth', matches: (f) => f === 'S.Molfetta' },
      {
        name: 'organization of Molfetta',
        path: () => `/api/collaborations/suggestions?pageSize=100&organization=${orgs['S.Molfetta']}`,
        matches: (f) => f === 'S.Molfetta',
      },
      {
        name: 'network, suggested links',
        path: '/api/collaborations/network',
        items: (body) => (body as { edges: { suggested: boolean }[] }).edges.filter((e) => e.suggested),
        idOf: (edge) => (edge as { suggestionId: string }).suggestionId,
        total: null,
      },
    ],
  };
  describeAccessMatrix(matrix);
});
