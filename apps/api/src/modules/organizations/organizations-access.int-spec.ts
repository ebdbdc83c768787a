import type { OrganizationKind } from '@trama/contracts';
import { type AccessMatrix, describeAccessMatrix } from '../../test/access-matrix';
import { type ActivityWorld, activityWorld } from '../../test/activity-fixtures';
import { createTestApp, type TestApp } from '../../test/test-app';

type Viewer = Exclude<keyof ActivityWorld, 'bari' | 'bologna'>;
const VIEWERS: Viewer[] = ['innA', 'innB', 'innC', 'coord', 'muniBari', 'areaMolfetta', 'innBo', 'coordBo', 'admin'];

/** One organization per municipality of the test territory (the name is what the search finds). */
const FIXTURES = {
  'Org.Bari': { municipality: '072006', kind: 'aps', name: 'Associazione Città Solidale' },
  'Org.Molfetta': { municipality: '072029', kind: 'odv', name: 'ODV Porta Aperta' },
  'Org.Giovinazzo': { municipality: '072022', kind: 'aps', name: 'APS Il Faro' },
  'Org.Corato': { municipality: '072020', kind: 'odv', name: 'Comitato Città Aperta' },
  // in nobody's territory among the municipality users, and assigned to no innovator
  'Org.Ruvo': { municipality: '072038', kind: 'school', name: 'Istituto comprensivo Ruvo' },
  'Org.Bologna': { municipality: '037006', kind: 'odv', name: 'Città Futura Bologna' },
  'Org.SanLazzaro': { municipality: '037054', kind: 'aps', name: 'APS Savena' },
} satisfies Record<string, { municipality: string; kind: OrganizationKind; name: string }>;
type Fixture = keyof typeof FIXTURES;
const ALL = Object.keys(FIXTURES) as Fixture[];
const BOLOGNA: Fixture[] = ['Org.Bologna', 'Org.SanLazzaro'];
const BARI = ALL.filter((f) => !BOLOGNA.includes(f));

/**
 * Who reads which organization (organizations.service.ts): every role reads the organizations of
 * its tenant, whatever the municipality (an innovator links organizations of neighbouring
 * municipalities too); municipality users only those of their territory; admins every tenant's.
 */
const SEES: Record<Viewer, Fixture[]> = {
  innA: BARI,
  innB: BARI,
  innC: BARI,
  coord: BARI,
  muniBari: ['Org.Bari'],
  areaMolfetta: ['Org.Molfetta', 'Org.Giovinazzo'],
  innBo: BOLOGNA,
  coordBo: BOLOGNA,
  admin: ALL,
};

/** The municipalities assigned to each innovator (activityWorld): their stale list is of those only. */
const ASSIGNED: Partial<Record<Viewer, string[]>> = {
  innA: ['072006', '072029'],
  innB: ['072006', '072022'],
  innC: ['072020'],
  innBo: ['037006'],
};

describe('organizations: who reads what (detail, list, stale list, export, history, map layer)', () => {
  let t: TestApp;
  let w: ActivityWorld;
  const ids = {} as Record<Fixture, string>;

  beforeAll(async () => {
    t = await createTestApp();
    w = await activityWorld(t);
    for (const [fixture, f] of Object.entries(FIXTURES)) {
      const creator = f.municipality.startsWith('037') ? w.coordBo : w.coord;
      // each placed (the test territory has no boundaries): the map layer shows them all
      const res = await t.http
        .post('/api/organizations')
        .set(creator.auth)
        .send({ ...f, location: { lat: 41.1, lon: 16.8 } });
      if (res.status !== 201) throw new Error(`create ${fixture}: ${res.status} ${JSON.stringify(res.body)}`);
      ids[fixture as Fixture] = res.body.id;
    }
  });
  afterAll(() => t.close());

  const matrix: AccessMatrix<Viewer, Fixture> = {
    feature: 'organizations',
    http: () => t.http,
    viewers: VIEWERS,
    fixtures: ALL,
    auth: (viewer) => w[viewer].auth,
    id: (fixture) => ids[fixture],
    sees: SEES,
    detail: { path: (id) => `/api/organizations/${id}`, notFoundCode: 'ORGANIZATION_NOT_FOUND' },
    list: [
      { path: '/api/organizations?pageSize=200' },
      {
        name: 'municipality=072029',
        path: '/api/organizations?pageSize=200&municipality=072029',
        matches: (f) => FIXTURES[f].municipality === '072029',
      },
      { name: 'kind=odv', path: '/api/organizations?pageSize=200&kind=odv', matches: (f) => FIXTURES[f].kind === 'odv' },
      { name: 'q=citta', path: '/api/organizations?pageSize=200&q=citta', matches: (f) => FIXTURES[f].name.includes('Città') },
      {
        name: 'stale',
        path: '/api/organizations/stale?pageSize=200',
        sees: (viewer, fixture, seen) => seen && (ASSIGNED[viewer]?.includes(FIXTURES[fixture].municipality) ?? true),
      },
    ],
    // the map layer (docs/map.md): the same rule
    mapLayer: [
      { path: '/api/map/layers/organizations?bbox=-180,-90,180,90&zoom=2' },
      {
        name: 'kind=odv, street zoom',
        path: '/api/map/layers/organizations?bbox=16.79,41.09,16.81,41.11&zoom=16&kind=odv',
        matches: (f) => FIXTURES[f].kind === 'odv',
      },
    ],
    export: [
      { path: '/api/organizations/export?format=csv' },
      { name: 'kind=aps', path: '/api/organizations/export?format=csv&kind=aps', matches: (f) => FIXTURES[f].kind === 'aps' },
    ],
    history: {
      path: (id) => `/api/organizations/${id}/history`,
      notFoundCode: 'ORGANIZATION_NOT_FOUND',
      // the history holds the contact person and internal notes: not for municipality users
      sees: (viewer, _fixture, seen) => seen && viewer !== 'muniBari' && viewer !== 'areaMolfetta',
    },
  };
  describeAccessMatrix(matrix);
});
