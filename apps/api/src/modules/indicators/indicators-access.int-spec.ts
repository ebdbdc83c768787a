import { type AccessMatrix, describeAccessMatrix } from '../../test/access-matrix';
import { type ActivityWorld, activityWorld } from '../../test/activity-fixtures';
import { createTestApp, type TestApp } from '../../test/test-app';

/**
 * Who reads which manual values (docs/indicators.md, "Who may do what"): staff the whole tenant;
 * a municipality user their municipality, a social-area user each municipality of the area and the
 * area itself; a social-area value only when every municipality of the area is theirs; never the
 * tenant's own value; never another tenant's. Admins name the tenant (checked in indicators.int-spec).
 */
type Viewer = 'innA' | 'innC' | 'coord' | 'muniBari' | 'areaMolfetta' | 'innBo' | 'coordBo';
const VIEWERS: Viewer[] = ['innA', 'innC', 'coord', 'muniBari', 'areaMolfetta', 'innBo', 'coordBo'];

const FIXTURES = {
  'V.Bari': 'municipality:072006',
  'V.Molfetta': 'municipality:072029',
  'V.Giovinazzo': 'municipality:072022',
  'V.Corato': 'municipality:072020',
  // Bari is the only municipality of its social area: its user reads the area's value
  'V.AreaBari': 'socialArea:ATS_BA_BARI',
  'V.AreaMolfetta': 'socialArea:ATS_BA_MOLFETTA',
  // Corato and Ruvo: nobody of a municipality reads it
  'V.AreaCorato': 'socialArea:ATS_BA_CORATO',
  'V.Tenant': 'tenant',
  'V.Bologna': 'municipality:037006',
} as const;
type Fixture = keyof typeof FIXTURES;
const ALL = Object.keys(FIXTURES) as Fixture[];
const BARI = ALL.filter((f) => f !== 'V.Bologna');

const SEES: Record<Viewer, Fixture[]> = {
  innA: BARI,
  innC: BARI,
  coord: BARI,
  muniBari: ['V.Bari', 'V.AreaBari'],
  areaMolfetta: ['V.Molfetta', 'V.Giovinazzo', 'V.AreaMolfetta'],
  innBo: ['V.Bologna'],
  coordBo: ['V.Bologna'],
};

describe('indicator values: who reads what (detail, entries list, history)', () => {
  let t: TestApp;
  let w: ActivityWorld;
  const ids = {} as Record<Fixture, string>;

  beforeAll(async () => {
    t = await createTestApp();
    w = await activityWorld(t);
    for (const [fixture, territory] of Object.entries(FIXTURES)) {
      const who = territory === 'municipality:037006' ? w.coordBo : w.coord;
      const res = await t.http.post('/api/indicators/crimes_reported/values').set(who.auth).send({ territory, period: '2025', value: 100 });
      if (res.status !== 201) throw new Error(`value ${fixture}: ${res.status} ${JSON.stringify(res.body)}`);
      ids[fixture as Fixture] = res.body.id;
    }
  });
  afterAll(() => t.close());

  const matrix: AccessMatrix<Viewer, Fixture> = {
    feature: 'indicator values',
    http: () => t.http,
    viewers: VIEWERS,
    fixtures: ALL,
    auth: (viewer) => w[viewer].auth,
    id: (fixture) => ids[fixture],
    sees: SEES,
    detail: { path: (id) => `/api/indicators/values/${id}`, notFoundCode: 'INDICATOR_VALUE_NOT_FOUND' },
    history: { path: (id) => `/api/indicators/values/${id}/history`, notFoundCode: 'INDICATOR_VALUE_NOT_FOUND' },
    list: [
      { path: '/api/indicators/values/entries?pageSize=200' },
      {
        name: 'indicator=crimes_reported, period=2025',
        path: '/api/indicators/values/entries?pageSize=200&indicator=crimes_reported&period=2025',
      },
      {
        name: 'territory=municipality:072029',
        path: '/api/indicators/values/entries?pageSize=200&territory=municipality:072029',
        matches: (f) => f === 'V.Molfetta', // another tenant's or an unseen municipality: an empty list
      },
      { name: 'status=draft', path: '/api/indicators/values/entries?pageSize=200&status=draft', matches: () => false },
    ],
  };
  describeAccessMatrix(matrix);
});
