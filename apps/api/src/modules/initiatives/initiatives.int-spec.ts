import { randomUUID } from 'node:crypto';
import { INITIATIVE_STATUS_TRANSITIONS, INITIATIVE_STATUSES, type InitiativeStatus } from '@trama/contracts';
import { type AccessMatrix, describeAccessMatrix } from '../../test/access-matrix';
import { type Actor, type ActivityWorld, activityBody, activityWorld, organizationIn } from '../../test/activity-fixtures';
import { buildingBody } from '../../test/building-fixtures';
import { createTestApp, type TestApp } from '../../test/test-app';
import type { CreateInitiativeDto } from './dto/create-initiative.dto';
import type { InitiativeResponseDto } from './dto/initiative.response';

type Viewer = Exclude<keyof ActivityWorld, 'bari' | 'bologna'>;
const VIEWERS: Viewer[] = ['innA', 'innB', 'innC', 'coord', 'muniBari', 'areaMolfetta', 'innBo', 'coordBo', 'admin'];

let sequence = 0;
function initiativeBody(overrides: Partial<CreateInitiativeDto> = {}): CreateInitiativeDto {
  sequence += 1;
  return {
    clientId: randomUUID(),
    title: `Orti sociali di quartiere ${sequence}`,
    status: 'idea',
    municipality: '072006',
    description: 'Orti condivisi con le scuole e gli anziani del quartiere.',
    themes: ['environment', 'elderly'],
    internalNotes: 'Nota riservata allo staff.',
    ...overrides,
  };
}

async function createInitiative(t: TestApp, who: Actor, overrides: Partial<CreateInitiativeDto> = {}): Promise<InitiativeResponseDto> {
  const res = await t.http.post('/api/initiatives').set(who.auth).send(initiativeBody(overrides));
  if (res.status !== 201) throw new Error(`create failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as InitiativeResponseDto;
}

async function count(t: TestApp, table: string): Promise<number> {
  const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM ${table}`);
  return n;
}

async function counts(t: TestApp) {
  return {
    initiatives: await count(t, 'initiatives'),
    municipalities: await count(t, 'initiative_municipalities'),
    organizations: await count(t, 'initiative_organizations'),
    changes: await count(t, 'initiative_status_changes'),
    audit: await count(t, 'audit_log'),
    activities: await count(t, 'activities'),
  };
}

const FIXTURES = {
  'I.Bari': { municipality: '072006', others: [] as string[], title: 'Città dei ragazzi', status: 'running' },
  'I.Molfetta': { municipality: '072029', others: [], title: 'Porto solidale', status: 'planned' },
  // two municipalities: seen by the users of both
  'I.BariMolfetta': { municipality: '072006', others: ['072029'], title: 'Rete delle biblioteche di comunità', status: 'idea' },
  'I.Corato': { municipality: '072020', others: [], title: 'Corato in città', status: 'completed' },
  'I.Bologna': { municipality: '037006', others: [], title: 'Città Futura Bologna', status: 'running' },
} satisfies Record<string, { municipality: string; others: string[]; title: string; status: InitiativeStatus }>;
type Fixture = keyof typeof FIXTURES;
const ALL = Object.keys(FIXTURES) as Fixture[];
const BARI = ALL.filter((f) => f !== 'I.Bologna');

const SEES: Record<Viewer, Fixture[]> = {
  innA: BARI,
  innB: BARI,
  innC: BARI,
  coord: BARI,
  muniBari: ['I.Bari', 'I.BariMolfetta'],
  areaMolfetta: ['I.Molfetta', 'I.BariMolfetta'],
  innBo: ['I.Bologna'],
  coordBo: ['I.Bologna'],
  admin: ALL,
};

describe('initiatives: who reads what (detail, list, export, history, map layer)', () => {
  let t: TestApp;
  let w: ActivityWorld;
  const ids = {} as Record<Fixture, string>;

  beforeAll(async () => {
    t = await createTestApp();
    w = await activityWorld(t);
    for (const [fixture, f] of Object.entries(FIXTURES)) {
      const creator = f.municipality.startsWith('037') ? w.coordBo : w.coord;
      // each placed (the test territory has no boundaries): the map layer shows them all
      const created = await createInitiative(t, creator, {
        title: f.title,
        municipality: f.municipality,
        municipalities: f.others,
        status: f.status,
        location: { lat: 41.1, lon: 16.8 },
      });
      ids[fixture as Fixture] = created.id;
    }
  });
  afterAll(() => t.close());

  const matrix: AccessMatrix<Viewer, Fixture> = {
    feature: 'initiatives',
    http: () => t.http,
    viewers: VIEWERS,
    fixtures: ALL,
    auth: (viewer) => w[viewer].auth,
    id: (fixture) => ids[fixture],
    sees: SEES,
    detail: { path: (id) => `/api/initiatives/${id}`, notFoundCode: 'INITIATIVE_NOT_FOUND' },
    history: { path: (id) => `/api/initiatives/${id}/history`, notFoundCode: 'INITIATIVE_NOT_FOUND' },
    list: [
      { path: '/api/initiatives?pageSize=200' },
      {
        name: 'municipality=072029',
        path: '/api/initiatives?pageSize=200&municipality=072029',
        matches: (f) => FIXTURES[f].municipality === '072029' || (FIXTURES[f].others as string[]).includes('072029'),
      },
      {
        name: 'socialArea=ATS_BA_MOLFETTA',
        path: '/api/initiatives?pageSize=200&socialArea=ATS_BA_MOLFETTA',
        matches: (f) => [FIXTURES[f].municipality, ...FIXTURES[f].others].some((m) => m === '072029' || m === '072022'),
      },
      { name: 'status=running', path: '/api/initiatives?pageSize=200&status=running', matches: (f) => FIXTURES[f].status === 'running' },
      {
        name: 'q=citta',
        path: '/api/initiatives?pageSize=200&q=citta',
        matches: (f) => FIXTURES[f].title.includes('Città') || FIXTURES[f].title.includes('città'),
      },
    ],
    // the map layer (docs/map.md): the same rule; the initiative of Bari and Molfetta is on both municipalities' maps
    mapLayer: [
      { path: '/api/map/layers/initiatives?bbox=-180,-90,180,90&zoom=2' },
      {
        name: 'status=running, street zoom',
        path: '/api/map/layers/initiatives?bbox=16.79,41.09,16.81,41.11&zoom=16&status=running',
        matches: (f) => FIXTURES[f].status === 'running',
      },
      {
        name: 'municipality=072029',
        path: '/api/map/layers/initiatives?bbox=16.79,41.09,16.81,41.11&zoom=12&municipality=072029',
        matches: (f) => FIXTURES[f].municipality === '072029' || (FIXTURES[f].others as string[]).includes('072029'),
      },
    ],
    export: [
      { path: '/api/initiatives/export?format=csv' },
      {
        name: 'municipality=072006',
        path: '/api/initiatives/export?format=csv&municipality=072006',
        matches: (f) => FIXTURES[f].municipality === '072006',
      },
    ],
  };
  describeAccessMatrix(matrix);

  it('exports GeoJSON with the ISTAT code and name of the municipality on every feature, within the scope', async () => {
    const res = await t.http.get('/api/initiatives/export?format=geojson').set(w.muniBari.auth).buffer(true).expect(200);
    expect(res.headers['content-type']).toMatch(/^application\/geo\+json/);
    expect(res.headers['content-disposition']).toMatch(/filename="iniziative-\d{4}-\d{2}-\d{2}\.geojson"/);
    const body = JSON.parse(res.text || res.body.toString('utf8'));
    expect(body.type).toBe('FeatureCollection');
    expect(body.features.map((f: { id: string }) => f.id).sort()).toEqual([ids['I.Bari'], ids['I.BariMolfetta']].sort());
    for (const f of body.features) {
      expect(f.properties).toMatchObject({ istatCode: '072006', municipalityName: 'Bari' });
      expect(f.geometry).toEqual({ type: 'Point', coordinates: [16.8, 41.1] });
    }
  });

  it('hides internal notes from municipality users in the detail, the export and the history', async () => {
    const detail = await t.http.get(`/api/initiatives/${ids['I.BariMolfetta']}`).set(w.muniBari.auth).expect(200);
    expect(detail.body).not.toHaveProperty('internalNotes');
    const staff = await t.http.get(`/api/initiatives/${ids['I.BariMolfetta']}`).set(w.coord.auth).expect(200);
    expect(staff.body.internalNotes).toBe('Nota riservata allo staff.');
    const csv = await t.http.get('/api/initiatives/export?format=csv').set(w.muniBari.auth).expect(200);
    expect(csv.text).not.toContain('internal_notes');
    expect(csv.text).not.toContain('Nota riservata');
    const history = await t.http.get(`/api/initiatives/${ids['I.BariMolfetta']}/history`).set(w.muniBari.auth).expect(200);
    expect(JSON.stringify(history.body)).not.toContain('Nota riservata');
    expect(history.body.statusChanges).toHaveLength(1);
    expect(history.body.entries[0].action).toBe('create');
  });
});

describe('initiatives: rules', () => {
  let t: TestApp;
  let w: ActivityWorld;

  beforeAll(async () => {
    t = await createTestApp();
    w = await activityWorld(t);
  });
  afterAll(() => t.close());

  it('creates with every field; an innovator in two municipalities with a lead organization', async () => {
    const lead = await organizationIn(t, w.bari, '072006', 'APS Orti in Comune');
    const partner = await organizationIn(t, w.bari, '072029', 'ODV Mare Nostrum');
    const res = await t.http
      .post('/api/initiatives')
      .set(w.innA.auth)
      .send(
        initiativeBody({
          municipality: '072029',
          municipalities: ['072006'],
          leadOrganization: lead,
          partnerOrganizations: [partner],
          startDate: '2026-03-01',
          endDate: '2027-02-28',
          fundingSource: 'eu',
          fundingAmount: 150000.5,
          cup: ' j91b21000010006 ',
          beneficiariesCount: 120,
          beneficiariesDescription: 'Famiglie del quartiere',
        }),
      )
      .expect(201);
    expect(res.body).toMatchObject({
      status: 'idea',
      version: 1,
      municipality: { istatCode: '072029', name: 'Molfetta' },
      municipalities: [
        { istatCode: '072029', name: 'Molfetta' },
        { istatCode: '072006', name: 'Bari' },
      ],
      leadOrganization: { id: lead, name: 'APS Orti in Comune' },
      partnerOrganizations: [{ id: partner, name: 'ODV Mare Nostrum' }],
      fundingSource: 'eu',
      fundingAmount: 150000.5,
      cup: 'J91B21000010006',
      beneficiariesCount: 120,
      building: null,
      activities: { count: 0, latest: [] },
    });
    expect(res.body.statusChanges).toEqual([expect.objectContaining({ from: null, to: 'idea' })]);
    // filtered by organization (lead or partner)
    for (const org of [lead, partner]) {
      const list = await t.http.get(`/api/initiatives?organization=${org}`).set(w.coord.auth).expect(200);
      expect(list.body.items.map((i: { id: string }) => i.id)).toEqual([res.body.id]);
    }
    const byFunding = await t.http.get('/api/initiatives?fundingSource=eu').set(w.coord.auth).expect(200);
    expect(byFunding.body.total).toBe(1);
    // the export: the same lists, in the same order, as the detail
    const csv = await t.http.get('/api/initiatives/export?format=csv&fundingSource=eu').set(w.coord.auth).expect(200);
    const [header, row, ...rest] = csv.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(rest).toEqual([]);
    expect(header).toContain(',municipality,municipalities,lead_organization,partner_organizations,');
    // the main municipality first, then by name; lead and partner in their own columns
    expect(row).toContain(',Molfetta,Molfetta; Bari,APS Orti in Comune,ODV Mare Nostrum,');
  });

  it('moves along the status machine: every status × every target', async () => {
    for (const from of INITIATIVE_STATUSES) {
      for (const to of INITIATIVE_STATUSES) {
        const created = await createInitiative(t, w.coord, { status: from, startDate: '2026-01-10' });
        const res = await t.http
          .post(`/api/initiatives/${created.id}/status`)
          .set(w.coord.auth)
          .send({ to, version: created.version, date: '2026-06-01', reason: 'Fondi esauriti' });
        const allowed = INITIATIVE_STATUS_TRANSITIONS[from].includes(to);
        expect({ from, to, status: res.status }).toEqual({ from, to, status: allowed ? 200 : 409 });
        if (allowed) {
          expect(res.body.status).toBe(to);
          expect(res.body.version).toBe(2);
          if (to === 'completed' || to === 'stopped') expect(res.body.endDate).toBe('2026-06-01');
          expect(res.body.statusChanges.at(-1)).toMatchObject({ from, to, date: '2026-06-01' });
        } else {
          expect(res.body.code).toBe('INITIATIVE_INVALID_TRANSITION');
        }
      }
    }
  });

  it('running records the start date when missing; stopping needs a reason; dates stay in order', async () => {
    const a = await createInitiative(t, w.innA, { status: 'planned' });
    const running = await t.http
      .post(`/api/initiatives/${a.id}/status`)
      .set(w.innA.auth)
      .send({ to: 'running', version: 1, date: '2026-05-04' })
      .expect(200);
    expect(running.body.startDate).toBe('2026-05-04');
    const before = await counts(t);
    const noReason = await t.http.post(`/api/initiatives/${a.id}/status`).set(w.innA.auth).send({ to: 'stopped', version: 2 }).expect(400);
    expect(noReason.body.code).toBe('INITIATIVE_REASON_REQUIRED');
    expect(noReason.body.details[0].field).toBe('reason');
    const early = await t.http
      .post(`/api/initiatives/${a.id}/status`)
      .set(w.innA.auth)
      .send({ to: 'completed', version: 2, date: '2026-05-01' })
      .expect(400);
    expect(early.body.code).toBe('INITIATIVE_DATES_ORDER');
    expect(await counts(t)).toEqual(before);
    const stopped = await t.http
      .post(`/api/initiatives/${a.id}/status`)
      .set(w.innA.auth)
      .send({ to: 'stopped', version: 2, date: '2026-07-01', reason: 'Sede non disponibile' })
      .expect(200);
    expect(stopped.body).toMatchObject({ status: 'stopped', endDate: '2026-07-01', stopReason: 'Sede non disponibile' });
  });

  it('checks the CUP: format, capitals, and required once a publicly funded initiative runs', async () => {
    for (const cup of ['J91B2100001000', 'J91B210000100067', '191B21000010006', 'J9XB21000010006', 'J91B21000010-06']) {
      const res = await t.http.post('/api/initiatives').set(w.coord.auth).send(initiativeBody({ cup })).expect(400);
      expect(res.body.details.map((d: { field: string }) => d.field)).toContain('cup');
    }
    const ok = await createInitiative(t, w.coord, { cup: 'b12c34567890123' });
    expect(ok.cup).toBe('B12C34567890123');
    const missing = await t.http
      .post('/api/initiatives')
      .set(w.coord.auth)
      .send(initiativeBody({ status: 'running', fundingSource: 'regional', fundingAmount: 5000 }))
      .expect(400);
    expect(missing.body).toMatchObject({ code: 'INITIATIVE_CUP_REQUIRED', details: [expect.objectContaining({ field: 'cup' })] });
    // privately funded: no CUP needed
    await createInitiative(t, w.coord, { status: 'running', fundingSource: 'foundation', fundingAmount: 5000 });
    // planned with public funds, then running without CUP: refused
    const planned = await createInitiative(t, w.coord, { status: 'planned', fundingSource: 'eu' });
    const run = await t.http
      .post(`/api/initiatives/${planned.id}/status`)
      .set(w.coord.auth)
      .send({ to: 'running', version: 1 })
      .expect(400);
    expect(run.body.code).toBe('INITIATIVE_CUP_REQUIRED');
  });

  it('refuses an end date before the start date, and an amount without its source', async () => {
    const before = await counts(t);
    const dates = await t.http
      .post('/api/initiatives')
      .set(w.coord.auth)
      .send(initiativeBody({ startDate: '2026-05-01', endDate: '2026-04-30' }))
      .expect(400);
    expect(dates.body).toMatchObject({ code: 'INITIATIVE_DATES_ORDER', details: [expect.objectContaining({ field: 'endDate' })] });
    const amount = await t.http
      .post('/api/initiatives')
      .set(w.coord.auth)
      .send(initiativeBody({ fundingAmount: 10 }))
      .expect(400);
    expect(amount.body.code).toBe('INITIATIVE_FUNDING_SOURCE_REQUIRED');
    expect(await counts(t)).toEqual(before);
    await createInitiative(t, w.coord, { startDate: '2026-05-01', endDate: '2026-05-01' });
  });

  it('answers 400 to bad input and writes nothing', async () => {
    const before = await counts(t);
    const bad: Partial<Record<keyof CreateInitiativeDto, unknown>>[] = [
      { title: '' },
      { title: null },
      { status: 'finished' },
      { municipality: '72006' },
      { municipality: '099999' },
      { municipalities: ['072006', '072006'] },
      { municipalities: ['037006'] },
      { fundingAmount: -1 },
      { fundingAmount: 10.123, fundingSource: 'eu' },
      { fundingSource: 'lottery' },
      { leadOrganization: 'nope' },
      { leadOrganization: randomUUID() },
      { partnerOrganizations: [randomUUID()] },
      { startDate: '2026-02-30' },
      { themes: ['astrology'] },
      { location: { lat: 10, lon: 16 } },
      { beneficiariesCount: -3 },
      { clientId: 'x' },
    ];
    for (const fields of bad) {
      const res = await t.http
        .post('/api/initiatives')
        .set(w.coord.auth)
        .send({ ...initiativeBody(), ...fields });
      expect({ fields, status: res.status }).toEqual({ fields, status: 400 });
      expect(res.body.details?.length).toBeGreaterThan(0);
    }
    const unknownField = await t.http
      .post('/api/initiatives')
      .set(w.coord.auth)
      .send({ ...initiativeBody(), tenantId: randomUUID() });
    expect(unknownField.status).toBe(400);
    // an organization of the other tenant is unknown here
    const bologna = await organizationIn(t, w.bologna, '037006', 'APS Savena');
    const foreign = await t.http
      .post('/api/initiatives')
      .set(w.coord.auth)
      .send(initiativeBody({ leadOrganization: bologna }))
      .expect(400);
    expect(foreign.body.code).toBe('INITIATIVE_ORGANIZATION_UNKNOWN');
    // an innovator needs one of their municipalities
    const notMine = await t.http
      .post('/api/initiatives')
      .set(w.innC.auth)
      .send(initiativeBody({ municipality: '072006' }))
      .expect(400);
    expect(notMine.body.code).toBe('INITIATIVE_MUNICIPALITY_NOT_ASSIGNED');
    // municipality users do not write
    await t.http.post('/api/initiatives').set(w.muniBari.auth).send(initiativeBody()).expect(403);
    expect(await counts(t)).toEqual(before);
  });

  it('is idempotent by clientId: a retry returns the same initiative, another body is a 409', async () => {
    const body = initiativeBody({ municipalities: ['072029'], themes: ['youth', 'culture'] });
    const first = await t.http.post('/api/initiatives').set(w.innA.auth).send(body).expect(201);
    const before = await counts(t);
    const retry = await t.http
      .post('/api/initiatives')
      .set(w.innA.auth)
      .send({ ...body, themes: ['culture', 'youth'] })
      .expect(200);
    expect(retry.body.id).toBe(first.body.id);
    const other = await t.http
      .post('/api/initiatives')
      .set(w.innA.auth)
      .send({ ...body, title: 'Altro' })
      .expect(409);
    expect(other.body.code).toBe('INITIATIVE_CLIENT_ID_CONFLICT');
    expect(await counts(t)).toEqual(before);
  });

  it('answers 409 to a stale update and loses nothing; edits by the right people only', async () => {
    const created = await createInitiative(t, w.innA, { municipality: '072029' });
    const first = await t.http
      .patch(`/api/initiatives/${created.id}`)
      .set(w.innA.auth)
      .send({ version: 1, title: 'Primo titolo' })
      .expect(200);
    expect(first.body.version).toBe(2);
    const before = await counts(t);
    const stale = await t.http
      .patch(`/api/initiatives/${created.id}`)
      .set(w.coord.auth)
      .send({ version: 1, title: 'Secondo titolo' })
      .expect(409);
    expect(stale.body.code).toBe('STALE_VERSION');
    expect(await counts(t)).toEqual(before);
    const now = await t.http.get(`/api/initiatives/${created.id}`).set(w.coord.auth).expect(200);
    expect(now.body).toMatchObject({ title: 'Primo titolo', version: 2 });
    // innB (Bari, Giovinazzo) reads it but Molfetta is not theirs
    const notTheirs = await t.http.patch(`/api/initiatives/${created.id}`).set(w.innB.auth).send({ version: 2, title: 'X' }).expect(403);
    expect(notTheirs.body.code).toBe('INITIATIVE_NOT_EDITABLE');
    await t.http.post(`/api/initiatives/${created.id}/status`).set(w.innB.auth).send({ to: 'planned', version: 2 }).expect(403);
    // adding Giovinazzo (by innA) makes it innB's too: any of its municipalities
    await t.http
      .patch(`/api/initiatives/${created.id}`)
      .set(w.innA.auth)
      .send({ version: 2, municipalities: ['072022'] })
      .expect(200);
    const edited = await t.http.patch(`/api/initiatives/${created.id}`).set(w.innB.auth).send({ version: 3, title: 'Insieme' }).expect(200);
    expect(edited.body.municipalities.map((m: { istatCode: string }) => m.istatCode)).toEqual(['072029', '072022']);
    // the other tenant: 404
    await t.http.patch(`/api/initiatives/${created.id}`).set(w.coordBo.auth).send({ version: 4, title: 'X' }).expect(404);
    const history = await t.http.get(`/api/initiatives/${created.id}/history`).set(w.coord.auth).expect(200);
    expect(history.body.entries.map((e: { action: string }) => e.action)).toEqual(['create', 'update', 'update', 'update']);
    expect(history.body.entries[1]).toMatchObject({ before: { title: created.title }, after: { title: 'Primo titolo' } });
  });

  it('links an activity to an initiative of the tenant, never of another one; the initiative shows its activities', async () => {
    const initiative = await createInitiative(t, w.coord, { municipality: '072006', title: 'Cantiere di quartiere' });
    const foreign = await createInitiative(t, w.coordBo, { municipality: '037006' });
    const before = await counts(t);
    const refused = await t.http
      .post('/api/activities')
      .set(w.innA.auth)
      .send(activityBody({ initiative: foreign.id } as never))
      .expect(400);
    expect(refused.body).toMatchObject({
      code: 'ACTIVITY_INITIATIVE_UNKNOWN',
      details: [expect.objectContaining({ field: 'initiative' })],
    });
    await t.http
      .post('/api/activities')
      .set(w.innA.auth)
      .send(activityBody({ initiative: randomUUID() } as never))
      .expect(400);
    expect(await counts(t)).toEqual(before);
    const activity = await t.http
      .post('/api/activities')
      .set(w.innA.auth)
      .send(activityBody({ initiative: initiative.id } as never))
      .expect(201);
    expect(activity.body.initiative).toEqual({ id: initiative.id, title: 'Cantiere di quartiere' });
    const detail = await t.http.get(`/api/initiatives/${initiative.id}`).set(w.coord.auth).expect(200);
    expect(detail.body.activities).toEqual({ count: 1, latest: [expect.objectContaining({ id: activity.body.id })] });
    // a draft is its author's: the municipality user sees no linked activity
    const muni = await t.http.get(`/api/initiatives/${initiative.id}`).set(w.muniBari.auth).expect(200);
    expect(muni.body.activities.count).toBe(0);
    // unlink; linking to the other tenant's initiative by an edit is refused as well
    const stale = activity.body.version;
    await t.http.patch(`/api/activities/${activity.body.id}`).set(w.innA.auth).send({ version: stale, initiative: foreign.id }).expect(400);
    const unlinked = await t.http
      .patch(`/api/activities/${activity.body.id}`)
      .set(w.innA.auth)
      .send({ version: stale, initiative: null })
      .expect(200);
    expect(unlinked.body.initiative).toBeNull();
  });

  it('hosts an initiative and an activity in a building of the tenant, never of another one', async () => {
    const building = (
      await t.http
        .post('/api/buildings')
        .set(w.coord.auth)
        .send(buildingBody({ name: 'Ex macello' }))
        .expect(201)
    ).body;
    const foreign = (
      await t.http
        .post('/api/buildings')
        .set(w.coordBo.auth)
        .send(buildingBody({ municipality: '037006', name: 'Ex caserma' }))
        .expect(201)
    ).body;
    const before = await counts(t);
    const refused = await t.http
      .post('/api/initiatives')
      .set(w.coord.auth)
      .send(initiativeBody({ building: foreign.id }))
      .expect(400);
    expect(refused.body).toMatchObject({ code: 'INITIATIVE_BUILDING_UNKNOWN', details: [expect.objectContaining({ field: 'building' })] });
    const activityRefused = await t.http
      .post('/api/activities')
      .set(w.innA.auth)
      .send(activityBody({ building: foreign.id } as never))
      .expect(400);
    expect(activityRefused.body.code).toBe('ACTIVITY_BUILDING_UNKNOWN');
    expect(await counts(t)).toEqual(before);
    const hosted = await createInitiative(t, w.coord, { building: building.id });
    expect(hosted.building).toEqual({ id: building.id, name: 'Ex macello' });
    const byBuilding = await t.http.get(`/api/initiatives?building=${building.id}`).set(w.coord.auth).expect(200);
    expect(byBuilding.body.items.map((i: { id: string }) => i.id)).toEqual([hosted.id]);
    const activity = await t.http
      .post('/api/activities')
      .set(w.innA.auth)
      .send(activityBody({ building: building.id } as never))
      .expect(201);
    expect(activity.body.building).toEqual({ id: building.id, name: 'Ex macello' });
    const monitored = await t.http.get(`/api/buildings/${building.id}`).set(w.coord.auth).expect(200);
    expect(monitored.body.monitoring.initiatives).toBe(1);
    const moved = await t.http.patch(`/api/initiatives/${hosted.id}`).set(w.coord.auth).send({ version: 1, building: null }).expect(200);
    expect(moved.body.building).toBeNull();
  });
});
