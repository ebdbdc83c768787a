import { randomUUID } from 'node:crypto';
import sharp from 'sharp';
import { type AccessMatrix, describeAccessMatrix } from '../../test/access-matrix';
import { type ActivityWorld, activityWorld } from '../../test/activity-fixtures';
import { createTestApp, type TestApp } from '../../test/test-app';

type Viewer = Exclude<keyof ActivityWorld, 'bari' | 'bologna'>;
const VIEWERS: Viewer[] = ['innA', 'innB', 'innC', 'coord', 'muniBari', 'areaMolfetta', 'innBo', 'coordBo', 'admin'];

/** One building per municipality of the test territory, with the fields the filters pick. */
const FIXTURES = {
  'B.Bari': { municipality: '072006', name: 'Ex mercato di Santo Spirito', ownership: 'municipal', condition: 'fair', placed: true },
  'B.Bari.private': { municipality: '072006', name: 'Casa Lorusso', ownership: 'private', condition: 'poor', placed: false },
  'B.Molfetta': {
    municipality: '072029',
    name: 'Villa confiscata di Molfetta',
    ownership: 'confiscated',
    condition: 'good',
    placed: false,
  },
  'B.Giovinazzo': { municipality: '072022', name: 'Torre Città Vecchia', ownership: 'municipal', condition: 'poor', placed: false },
  'B.Corato': { municipality: '072020', name: 'Scuola rurale di Corato', ownership: 'region', condition: 'ruin', placed: false },
  'B.Ruvo': { municipality: '072038', name: 'Cantina di Ruvo', ownership: 'state', condition: 'fair', placed: false },
  'B.Bologna': { municipality: '037006', name: 'Città Futura Bologna', ownership: 'municipal', condition: 'good', placed: false },
} as const;
type Fixture = keyof typeof FIXTURES;
const ALL = Object.keys(FIXTURES) as Fixture[];
const BOLOGNA: Fixture[] = ['B.Bologna'];
const BARI = ALL.filter((f) => !BOLOGNA.includes(f));
const INSIDE_BARI = { lat: 41.117123456789, lon: 16.871987654321 };

/**
 * Who reads which building (buildings.policy.ts): every role its tenant's; municipality users their
 * territory; admins every tenant's. The same on detail, list, export, history and photos.
 */
const SEES: Record<Viewer, Fixture[]> = {
  innA: BARI,
  innB: BARI,
  innC: BARI,
  coord: BARI,
  muniBari: ['B.Bari', 'B.Bari.private'],
  areaMolfetta: ['B.Molfetta', 'B.Giovinazzo'],
  innBo: BOLOGNA,
  coordBo: BOLOGNA,
  admin: ALL,
};

describe('buildings: who reads what (detail, list, export, history, photos, map layer)', () => {
  let t: TestApp;
  let w: ActivityWorld;
  const ids = {} as Record<Fixture, string>;
  const photo = {} as Record<Fixture, string>;

  beforeAll(async () => {
    t = await createTestApp();
    w = await activityWorld(t);
    const png = await sharp({ create: { width: 30, height: 20, channels: 3, background: '#884422' } })
      .png()
      .toBuffer();
    for (const [fixture, f] of Object.entries(FIXTURES)) {
      const creator = f.municipality.startsWith('037') ? w.coordBo : w.coord;
      const res = await t.http
        .post('/api/buildings')
        .set(creator.auth)
        .send({
          clientId: randomUUID(),
          municipality: f.municipality,
          name: f.name,
          ownership: f.ownership,
          owner: f.ownership === 'private' ? 'Giuseppe Lorusso' : 'Comune',
          condition: f.condition,
          currentUse: 'unused',
          internalNotes: 'solo staff',
          ...(f.placed ? { location: INSIDE_BARI } : {}),
          ...(f.ownership === 'confiscated' ? { anbscCode: 'BA-123/2019', confiscationDecreeDate: '2019-05-10' } : {}),
        });
      if (res.status !== 201) throw new Error(`create ${fixture}: ${res.status} ${JSON.stringify(res.body)}`);
      ids[fixture as Fixture] = res.body.id;
      const up = await t.http.post(`/api/buildings/${res.body.id}/photos`).set(creator.auth).attach('file', png, 'facciata.png');
      if (up.status !== 201) throw new Error(`photo ${fixture}: ${up.status} ${JSON.stringify(up.body)}`);
      photo[fixture as Fixture] = up.body.id;
    }
  });
  afterAll(() => t.close());

  const matrix: AccessMatrix<Viewer, Fixture> = {
    feature: 'buildings',
    http: () => t.http,
    viewers: VIEWERS,
    fixtures: ALL,
    auth: (viewer) => w[viewer].auth,
    id: (fixture) => ids[fixture],
    sees: SEES,
    detail: { path: (id) => `/api/buildings/${id}`, notFoundCode: 'BUILDING_NOT_FOUND' },
    history: { path: (id) => `/api/buildings/${id}/history`, notFoundCode: 'BUILDING_NOT_FOUND' },
    list: [
      { path: '/api/buildings?pageSize=200' },
      {
        name: 'municipality=072029',
        path: '/api/buildings?pageSize=200&municipality=072029',
        matches: (f) => FIXTURES[f].municipality === '072029',
      },
      {
        name: 'socialArea=ATS_BA_MOLFETTA',
        path: '/api/buildings?pageSize=200&socialArea=ATS_BA_MOLFETTA',
        matches: (f) => ['072029', '072022'].includes(FIXTURES[f].municipality),
      },
      { name: 'q=citta', path: '/api/buildings?pageSize=200&q=citta', matches: (f) => FIXTURES[f].name.includes('Città') },
      {
        name: 'ownership=municipal',
        path: '/api/buildings?pageSize=200&ownership=municipal',
        matches: (f) => FIXTURES[f].ownership === 'municipal',
      },
      { name: 'condition=poor', path: '/api/buildings?pageSize=200&condition=poor', matches: (f) => FIXTURES[f].condition === 'poor' },
      { name: 'placed=no', path: '/api/buildings?pageSize=200&placed=no', matches: (f) => !FIXTURES[f].placed },
      { name: 'placed=yes', path: '/api/buildings?pageSize=200&placed=yes', matches: (f) => FIXTURES[f].placed },
      {
        name: 'confiscated=yes',
        path: '/api/buildings?pageSize=200&confiscated=yes',
        matches: (f) => FIXTURES[f].ownership === 'confiscated',
      },
      { name: 'stage=mapped', path: '/api/buildings?pageSize=200&stage=mapped' },
      { name: 'stage=active', path: '/api/buildings?pageSize=200&stage=active', matches: () => false },
      { name: 'currentUse=unused', path: '/api/buildings?pageSize=200&currentUse=unused' },
      {
        name: 'bbox (what a map shows)',
        path: '/api/buildings?pageSize=200&bbox=16.8,41.05,16.95,41.2',
        matches: (f) => FIXTURES[f].placed,
      },
    ],
    // the map layer (docs/map.md): the placed ones, by the same rule
    mapLayer: [
      { path: '/api/map/layers/buildings?bbox=-180,-90,180,90&zoom=2', matches: (f) => FIXTURES[f].placed },
      {
        name: 'stage=mapped, street zoom',
        path: '/api/map/layers/buildings?bbox=16.86,41.11,16.88,41.125&zoom=16&stage=mapped',
        matches: (f) => FIXTURES[f].placed,
      },
    ],
    export: [
      { path: '/api/buildings/export?format=csv' },
      {
        name: 'municipality=072022',
        path: '/api/buildings/export?format=csv&municipality=072022',
        matches: (f) => FIXTURES[f].municipality === '072022',
      },
    ],
    files: { url: (f) => `/api/buildings/${ids[f]}/photos/${photo[f]}` },
  };
  describeAccessMatrix(matrix);

  it('hides internal notes and a private owner from municipality users, in the detail, the list and the export', async () => {
    const detail = await t.http.get(`/api/buildings/${ids['B.Bari.private']}`).set(w.muniBari.auth).expect(200);
    expect(detail.body.internalNotes).toBeUndefined();
    expect(detail.body.owner).toBeNull();
    const publicOne = await t.http.get(`/api/buildings/${ids['B.Bari']}`).set(w.muniBari.auth).expect(200);
    expect(publicOne.body.owner).toBe('Comune');
    const staff = await t.http.get(`/api/buildings/${ids['B.Bari.private']}`).set(w.innB.auth).expect(200);
    expect(staff.body).toMatchObject({ owner: 'Giuseppe Lorusso', internalNotes: 'solo staff' });
    const list = await t.http.get('/api/buildings?pageSize=200').set(w.muniBari.auth).expect(200);
    expect(JSON.stringify(list.body)).not.toContain('Giuseppe');
    expect(JSON.stringify(list.body)).not.toContain('solo staff');
    const csv = await t.http.get('/api/buildings/export?format=csv').set(w.muniBari.auth).expect(200);
    expect(csv.text).not.toContain('Giuseppe Lorusso');
    expect(csv.text).not.toContain('solo staff');
    expect(csv.text.split('\r\n')[0]).not.toContain('internal_notes');
    // the history: the stage timeline, but no audit entries (they hold the notes and the owner)
    const history = await t.http.get(`/api/buildings/${ids['B.Bari.private']}/history`).set(w.muniBari.auth).expect(200);
    expect(history.body.stages).toEqual([expect.objectContaining({ from: null, to: 'mapped' })]);
    expect(history.body.audit).toEqual([]);
    const staffHistory = await t.http.get(`/api/buildings/${ids['B.Bari.private']}/history`).set(w.coord.auth).expect(200);
    expect(staffHistory.body.audit.map((e: { action: string }) => e.action)).toEqual(['create']);
  });

  it('exports GeoJSON in WGS84 with the ISTAT code and name on every feature, null geometry when not placed', async () => {
    const res = await t.http
      .get('/api/buildings/export?format=geojson')
      .set(w.coord.auth)
      .buffer(true)
      .parse((r, cb) => {
        let text = '';
        r.on('data', (c: Buffer) => (text += c.toString('utf8')));
        r.on('end', () => cb(null, text));
      });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('application/geo+json');
    expect(res.headers['content-disposition']).toMatch(/immobili-\d{4}-\d{2}-\d{2}\.geojson/);
    const collection = JSON.parse(res.body as string);
    expect(collection.type).toBe('FeatureCollection');
    expect(collection.features).toHaveLength(BARI.length);
    const bari = collection.features.find((f: { id: string }) => f.id === ids['B.Bari']);
    expect(bari.geometry).toEqual({ type: 'Point', coordinates: [INSIDE_BARI.lon, INSIDE_BARI.lat] });
    expect(bari.properties).toMatchObject({ id: ids['B.Bari'], istatCode: '072006', municipalityName: 'Bari', stage: 'mapped' });
    const corato = collection.features.find((f: { id: string }) => f.id === ids['B.Corato']);
    expect(corato.geometry).toBeNull();
    expect(corato.properties.istatCode).toBe('072020');
  });

  it('lets municipality users read photos but not add them; innovators outside their municipalities get 403', async () => {
    const png = await sharp({ create: { width: 10, height: 10, channels: 3, background: '#000' } })
      .png()
      .toBuffer();
    await t.http.post(`/api/buildings/${ids['B.Bari']}/photos`).set(w.muniBari.auth).attach('file', png, 'x.png').expect(403);
    const outside = await t.http.post(`/api/buildings/${ids['B.Corato']}/photos`).set(w.innA.auth).attach('file', png, 'x.png');
    expect([outside.status, outside.body.code]).toEqual([403, 'BUILDING_NOT_EDITABLE']);
    const otherTenant = await t.http.post(`/api/buildings/${ids['B.Bologna']}/photos`).set(w.innA.auth).attach('file', png, 'x.png');
    expect([otherTenant.status, otherTenant.body.code]).toEqual([404, 'BUILDING_NOT_FOUND']);
    await t.http.get(`/api/buildings/${ids['B.Bari']}/photos/${photo['B.Bari']}/thumbnail`).set(w.muniBari.auth).expect(200);
    const list = await t.http.get(`/api/buildings/${ids['B.Bari']}/photos`).set(w.muniBari.auth).expect(200);
    expect(list.body).toHaveLength(1);
  });
});
