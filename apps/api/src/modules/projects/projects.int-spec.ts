import { randomUUID } from 'node:crypto';
import { AccessService } from '../../common/access/access.service';
import { type AccessMatrix, describeAccessMatrix } from '../../test/access-matrix';
import { type ActivityWorld, activityWorld } from '../../test/activity-fixtures';
import { createTestApp, type TestApp } from '../../test/test-app';
import { ProjectsIndicatorsService } from './projects-indicators.service';

type Viewer = Exclude<keyof ActivityWorld, 'bari' | 'bologna'>;
const VIEWERS: Viewer[] = ['innA', 'innB', 'innC', 'coord', 'muniBari', 'areaMolfetta', 'innBo', 'coordBo', 'admin'];

/** One project per territory of the test world, and one metropolitan-wide (no municipality). */
const FIXTURES = {
  'P.Bari': { code: 'BA1.1.1.a', municipalities: ['072006'], cup: 'B91B21000010001', programme: 'pon_metro' },
  'P.Molfetta+Bari': { code: 'BA1.1.1.b', municipalities: ['072029', '072006'], cup: 'B91B21000010002', programme: 'pnrr' },
  'P.Giovinazzo': { code: 'BA5.5.1.b', municipalities: ['072022'], cup: null, programme: 'pon_metro' },
  'P.Metro': { code: 'BA9.9.9', municipalities: [], cup: 'B91B21000010009', programme: 'pn_metro_plus' },
  'P.Bologna': { code: 'BO3.3.1.b', municipalities: ['037006'], cup: 'F39G16000350007', programme: 'pon_metro' },
} as const;
type Fixture = keyof typeof FIXTURES;
const ALL = Object.keys(FIXTURES) as Fixture[];
const BARI = ALL.filter((f) => f !== 'P.Bologna');

/** Staff read the tenant's; municipality users the projects touching their territory; admins all. */
const SEES: Record<Viewer, Fixture[]> = {
  innA: BARI,
  innB: BARI,
  innC: BARI,
  coord: BARI,
  muniBari: ['P.Bari', 'P.Molfetta+Bari'],
  areaMolfetta: ['P.Molfetta+Bari', 'P.Giovinazzo'],
  innBo: ['P.Bologna'],
  coordBo: ['P.Bologna'],
  admin: ALL,
};

function body(overrides: Record<string, unknown> = {}) {
  return {
    clientId: randomUUID(),
    code: `T${Math.floor(Math.random() * 1e9)}`,
    title: 'Progetto di prova',
    programme: 'pon_metro',
    status: 'idea',
    ...overrides,
  };
}

describe('projects (progetti finanziati)', () => {
  let t: TestApp;
  let w: ActivityWorld;
  const ids = {} as Record<Fixture, string>;

  beforeAll(async () => {
    t = await createTestApp();
    w = await activityWorld(t);
    for (const [fixture, f] of Object.entries(FIXTURES)) {
      const creator = fixture === 'P.Bologna' ? w.coordBo : w.coord;
      const res = await t.http
        .post('/api/projects')
        .set(creator.auth)
        .send(
          body({
            code: f.code,
            title: `Progetto ${fixture}`,
            programme: f.programme,
            cup: f.cup,
            status: f.cup ? 'running' : 'idea',
            municipalities: f.municipalities,
          }),
        );
      if (res.status !== 201) throw new Error(`create ${fixture}: ${res.status} ${JSON.stringify(res.body)}`);
      ids[fixture as Fixture] = res.body.id;
    }
  });
  afterAll(() => t.close());
  const scopeOf = async (who: { id: string }) => (await t.app.get(AccessService).scopeFor(who.id))!;

  const matrix: AccessMatrix<Viewer, Fixture> = {
    feature: 'projects',
    http: () => t.http,
    viewers: VIEWERS,
    fixtures: ALL,
    auth: (viewer) => w[viewer].auth,
    id: (fixture) => ids[fixture],
    sees: SEES,
    detail: { path: (id) => `/api/projects/${id}`, notFoundCode: 'PROJECT_NOT_FOUND' },
    history: { path: (id) => `/api/projects/${id}/history`, notFoundCode: 'PROJECT_NOT_FOUND' },
    list: [
      { path: '/api/projects?pageSize=200' },
      {
        name: 'municipality=072006',
        path: '/api/projects?pageSize=200&municipality=072006',
        matches: (f) => (FIXTURES[f].municipalities as readonly string[]).includes('072006'),
      },
      {
        name: 'programme=pon_metro',
        path: '/api/projects?pageSize=200&programme=pon_metro',
        matches: (f) => FIXTURES[f].programme === 'pon_metro',
      },
      { name: 'status=idea', path: '/api/projects?pageSize=200&status=idea', matches: (f) => FIXTURES[f].cup === null },
      { name: 'q=3.3.1', path: '/api/projects?pageSize=200&q=3.3.1', matches: (f) => f === 'P.Bologna' },
    ],
    export: [{ path: '/api/projects/export?format=csv' }],
  };
  describeAccessMatrix(matrix);

  it('lets only coordinators write: innovators and municipality users get 403, another tenant 404', async () => {
    await t.http.post('/api/projects').set(w.innA.auth).send(body()).expect(403);
    await t.http.post('/api/projects').set(w.muniBari.auth).send(body()).expect(403);
    const p = await t.http.get(`/api/projects/${ids['P.Bari']}`).set(w.coord.auth).expect(200);
    await t.http.patch(`/api/projects/${ids['P.Bari']}`).set(w.innA.auth).send({ version: p.body.version, title: 'x' }).expect(403);
    const other = await t.http.patch(`/api/projects/${ids['P.Bari']}`).set(w.coordBo.auth).send({ version: p.body.version, title: 'x' });
    expect(other.status).toBe(404);
    const progress = await t.http
      .post(`/api/projects/${ids['P.Bari']}/progress`)
      .set(w.coordBo.auth)
      .send({ date: '2020-01-01', programmed: 1, admitted: 1, committed: 1, paid: 1 });
    expect(progress.status).toBe(404);
    const after = await t.http.get(`/api/projects/${ids['P.Bari']}`).set(w.coord.auth).expect(200);
    expect(after.body).toMatchObject({ version: p.body.version, title: 'Progetto P.Bari', progress: [] });
  });

  it('checks the CUP: format, required past the idea, unique per tenant (another tenant may hold the same)', async () => {
    const bad = await t.http
      .post('/api/projects')
      .set(w.coord.auth)
      .send(body({ cup: 'F39G1600035000', status: 'running' }));
    expect(bad.status).toBe(400);
    expect(bad.body.details).toEqual([expect.objectContaining({ field: 'cup' })]);
    const lower = await t.http
      .post('/api/projects')
      .set(w.coord.auth)
      .send(body({ cup: 'b91b21000010777', status: 'running' }));
    expect(lower.status).toBe(201);
    expect(lower.body.cup).toBe('B91B21000010777');
    const required = await t.http
      .post('/api/projects')
      .set(w.coord.auth)
      .send(body({ status: 'admitted' }));
    expect(required.status).toBe(400);
    expect(required.body).toMatchObject({ code: 'PROJECT_CUP_REQUIRED', details: [expect.objectContaining({ field: 'cup' })] });
    const taken = await t.http
      .post('/api/projects')
      .set(w.coord.auth)
      .send(body({ cup: 'B91B21000010001', status: 'running' }));
    expect(taken.status).toBe(400);
    expect(taken.body.code).toBe('PROJECT_CUP_TAKEN');
    const codeTaken = await t.http
      .post('/api/projects')
      .set(w.coord.auth)
      .send(body({ code: 'ba1.1.1.A' }));
    expect(codeTaken.body.code).toBe('PROJECT_CODE_TAKEN');
    // Bologna's CUP in Bari is another tenant's business: allowed
    const elsewhere = await t.http
      .post('/api/projects')
      .set(w.coord.auth)
      .send(body({ cup: 'F39G16000350007', status: 'running' }));
    expect(elsewhere.status).toBe(201);
    // an idea may change status only with a CUP
    const idea = await t.http.get(`/api/projects/${ids['P.Giovinazzo']}`).set(w.coord.auth).expect(200);
    const noCup = await t.http
      .patch(`/api/projects/${idea.body.id}`)
      .set(w.coord.auth)
      .send({ version: idea.body.version, status: 'programmed' });
    expect(noCup.body.code).toBe('PROJECT_CUP_REQUIRED');
  });

  it('records progress snapshots with their percentages, refusing inconsistent amounts with nothing written', async () => {
    const id = ids['P.Bari'];
    const add = (b: Record<string, unknown>) => t.http.post(`/api/projects/${id}/progress`).set(w.coord.auth).send(b);
    const first = await add({ date: '2018-06-30', programmed: 412248.84, admitted: 412248.84, committed: 120000, paid: 30000.5 });
    expect(first.status).toBe(201);
    expect(first.body.latestProgress).toMatchObject({
      date: '2018-06-30',
      committed: 120000,
      paid: 30000.5,
      shares: { admittedOfProgrammed: 1, committedOfAdmitted: 0.2911, paidOfAdmitted: 0.0728 },
    });
    const refusals: [Record<string, unknown>, string, string][] = [
      [{ date: '2019-01-01', programmed: 10, admitted: 10, committed: 11, paid: 0 }, 'PROJECT_COMMITTED_OVER_ADMITTED', 'committed'],
      [{ date: '2019-01-01', programmed: 10, admitted: 10, committed: 5, paid: 6 }, 'PROJECT_PAID_OVER_COMMITTED', 'paid'],
      [{ date: '2019-01-01', programmed: -1, admitted: 0, committed: 0, paid: 0 }, 'VALIDATION_FAILED', 'programmed'],
      [{ date: '2019-01-01', programmed: 1.001, admitted: 0, committed: 0, paid: 0 }, 'VALIDATION_FAILED', 'programmed'],
      [{ date: '2018-06-30', programmed: 10, admitted: 10, committed: 5, paid: 1 }, 'PROJECT_PROGRESS_DATE_TAKEN', 'date'],
      [{ date: '2999-01-01', programmed: 10, admitted: 10, committed: 5, paid: 1 }, 'VALIDATION_FAILED', 'date'],
      [{ date: '2099-01-01', programmed: 10, admitted: 10, committed: 5, paid: 1 }, 'PROJECT_PROGRESS_DATE_FUTURE', 'date'],
      [{ date: 'ieri', programmed: 10, admitted: 10, committed: 5, paid: 1 }, 'VALIDATION_FAILED', 'date'],
      [{ date: '2019-01-01', programmed: 10, admitted: 10, committed: 5 }, 'VALIDATION_FAILED', 'paid'],
      [{ date: '2019-01-01', programmed: 10, admitted: 10, committed: 5, paid: 1, extra: 1 }, 'VALIDATION_FAILED', 'extra'],
    ];
    for (const [b, code, field] of refusals) {
      const res = await add(b);
      expect([res.status, res.body.code]).toEqual([400, code]);
      expect(res.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
    }
    const stale = await add({ date: '2019-01-01', programmed: 10, admitted: 10, committed: 5, paid: 1, version: 1 });
    expect(stale.status).toBe(409);
    const detail = await t.http.get(`/api/projects/${id}`).set(w.coord.auth).expect(200);
    expect(detail.body.progress).toHaveLength(1);
    const history = await t.http.get(`/api/projects/${id}/history`).set(w.coord.auth).expect(200);
    expect(history.body.entries.map((e: { action: string }) => e.action)).toEqual(['create', 'progress']);
  });

  it('answers a stale PATCH with 409 and keeps the newer change; bad input is a 400 with nothing written', async () => {
    const created = await t.http
      .post('/api/projects')
      .set(w.coord.auth)
      .send(body({ municipalities: ['072006'] }))
      .expect(201);
    const id = created.body.id;
    const v1 = created.body.version;
    await t.http.patch(`/api/projects/${id}`).set(w.coord.auth).send({ version: v1, title: 'Nuovo titolo' }).expect(200);
    const stale = await t.http.patch(`/api/projects/${id}`).set(w.coord.auth).send({ version: v1, title: 'Vecchio' });
    expect([stale.status, stale.body.code]).toEqual([409, 'STALE_VERSION']);
    const current = await t.http.get(`/api/projects/${id}`).set(w.coord.auth).expect(200);
    expect(current.body.title).toBe('Nuovo titolo');
    const v = current.body.version;
    const bads: [Record<string, unknown>, string][] = [
      [{ version: v, municipalities: ['037006'] }, 'PROJECT_MUNICIPALITY_UNKNOWN'],
      [{ version: v, endDate: '2001-01-01', startDate: '2002-01-01' }, 'PROJECT_DATES_ORDER'],
      [{ version: v, documents: [{ title: 'Decreto', url: 'http://example.org/d.pdf' }] }, 'VALIDATION_FAILED'],
      [{ version: v, beneficiaries: [{ organization: randomUUID(), amount: 10 }] }, 'PROJECT_ORGANIZATION_UNKNOWN'],
      [{ version: v, initiatives: [randomUUID()] }, 'PROJECT_LINK_UNKNOWN'],
      [{ version: v, buildings: [randomUUID()] }, 'PROJECT_LINK_UNKNOWN'],
      [{ version: v, activities: [randomUUID()] }, 'PROJECT_LINK_UNKNOWN'],
      [{ version: v, programme: 'horizon' }, 'VALIDATION_FAILED'],
      [{ version: v, expectedInvestment: -5 }, 'VALIDATION_FAILED'],
      [{ version: v, title: null }, 'VALIDATION_FAILED'],
      [{ title: 'senza versione' }, 'VALIDATION_FAILED'],
    ];
    for (const [b, code] of bads) {
      const res = await t.http.patch(`/api/projects/${id}`).set(w.coord.auth).send(b);
      expect([res.status, res.body.code, JSON.stringify(b)]).toEqual([400, code, JSON.stringify(b)]);
    }
    const createBads: [Record<string, unknown>, string][] = [
      [{ ...body(), code: 'con spazi' }, 'VALIDATION_FAILED'],
      [{ ...body(), clientId: 'x' }, 'VALIDATION_FAILED'],
      [{ ...body(), status: 'open' }, 'VALIDATION_FAILED'],
      [{ ...body(), municipalities: ['999999'] }, 'PROJECT_MUNICIPALITY_UNKNOWN'],
    ];
    for (const [b, code] of createBads) {
      const res = await t.http.post('/api/projects').set(w.coord.auth).send(b);
      expect([res.status, res.body.code]).toEqual([400, code]);
    }
    const after = await t.http.get(`/api/projects/${id}`).set(w.coord.auth).expect(200);
    expect(after.body).toMatchObject({ version: v, title: 'Nuovo titolo', documents: [], beneficiaries: [] });
  });

  it('keeps beneficiaries, links and documents, and shows a municipality user only the links they may read', async () => {
    const org = await t.http
      .post('/api/organizations')
      .set(w.coord.auth)
      .send({ clientId: randomUUID(), name: `Cooperativa ${randomUUID().slice(0, 6)}`, kind: 'aps', municipality: '072006' });
    expect(org.status).toBe(201);
    const p = await t.http.get(`/api/projects/${ids['P.Molfetta+Bari']}`).set(w.coord.auth).expect(200);
    const res = await t.http
      .patch(`/api/projects/${p.body.id}`)
      .set(w.coord.auth)
      .send({
        version: p.body.version,
        beneficiaries: [{ organization: org.body.id, amount: 25000 }],
        documents: [{ title: 'Scheda OpenCoesione', url: 'https://opencoesione.gov.it/it/progetti/' }],
      });
    expect(res.status).toBe(200);
    expect(res.body.beneficiaries).toEqual([{ organization: { id: org.body.id, name: org.body.name }, amount: 25000 }]);
    expect(res.body.documents).toEqual([{ title: 'Scheda OpenCoesione', url: 'https://opencoesione.gov.it/it/progetti/' }]);
    const indicators = t.app.get(ProjectsIndicatorsService);
    const scope = await scopeOf(w.coord);
    const funded = await indicators.beneficiariesFunded(scope);
    expect(funded.byMunicipality['072006']).toEqual({ organizations: 1, amount: 12500 });
    expect(funded.byMunicipality['072029']).toEqual({ organizations: 1, amount: 12500 });
    expect(funded.tenant).toEqual({ organizations: 1, amount: 25000 });
  });

  it('feeds indicators: committed and paid per municipality at a date from the latest snapshot, split evenly', async () => {
    const id = ids['P.Molfetta+Bari'];
    const add = (b: Record<string, unknown>) => t.http.post(`/api/projects/${id}/progress`).set(w.coord.auth).send(b).expect(201);
    await add({ date: '2020-12-31', programmed: 100, admitted: 100, committed: 50, paid: 10 });
    await add({ date: '2021-12-31', programmed: 100.01, admitted: 100.01, committed: 100.01, paid: 40 });
    await t.http
      .post(`/api/projects/${ids['P.Metro']}/progress`)
      .set(w.coord.auth)
      .send({ date: '2021-06-30', programmed: 1000, admitted: 1000, committed: 700, paid: 300 })
      .expect(201);
    const indicators = t.app.get(ProjectsIndicatorsService);
    const coord = await scopeOf(w.coord);
    const at2021 = await indicators.amountsAt(coord, '2021-07-01');
    // Bari: its own project (P.Bari's 2018 snapshot of the test above: 120,000 / 30,000.50) and half of Molfetta+Bari's
    expect(at2021.byMunicipality['072006']).toEqual({ committed: 120025, paid: 30005.5, projects: 2 });
    expect(at2021.byMunicipality['072029']).toEqual({ committed: 25, paid: 5, projects: 1 });
    // the metropolitan project counts at tenant level only, every project once
    expect(at2021.tenant).toEqual({ committed: 120750, paid: 30310.5, projects: 3 });
    expect(Object.keys(at2021.byMunicipality).sort()).toEqual(['072006', '072029']);
    const at2022 = await indicators.amountsAt(coord, '2022-01-01');
    // 100.01 over Bari (072006) and Molfetta (072029): the odd cent goes to the first code
    expect(at2022.byMunicipality['072006'].committed).toBe(120050.01);
    expect(at2022.byMunicipality['072029'].committed).toBe(50);
    const before = await indicators.amountsAt(coord, '2020-01-01');
    expect(before.byMunicipality['072029']).toBeUndefined();
    expect(before.tenant).toEqual({ committed: 120000, paid: 30000.5, projects: 1 });
    // a municipality user's scope: only the projects touching Bari, not the metropolitan one
    const muni = await indicators.amountsAt(await scopeOf(w.muniBari), '2022-01-01');
    expect(muni.tenant).toEqual({ committed: 120100.01, paid: 30040.5, projects: 2 });
    // another tenant's coordinator sees none of it
    const bologna = await indicators.amountsAt(await scopeOf(w.coordBo), '2022-01-01');
    expect(bologna.tenant).toEqual({ committed: 0, paid: 0, projects: 0 });
  });

  it('exports the latest figures and percentages as csv and csv-it', async () => {
    const csv = await t.http.get('/api/projects/export?format=csv&q=BA1.1.1.b').set(w.coord.auth).expect(200);
    const [header, row] = csv.text.replace(/^\uFEFF/, '').split('\r\n');
    expect(header).toContain('code,title,programme');
    expect(row).toContain('BA1.1.1.b');
    expect(row).toContain('pnrr');
    const it = await t.http.get('/api/projects/export?format=csv-it&lang=it&q=BA1.1.1.b').set(w.coord.auth).expect(200);
    expect(it.text).toContain('PNRR');
    expect(it.text).toContain('Impegni giuridicamente vincolanti (€)');
  });

  describe('CSV import (OpenCoesione-shaped)', () => {
    const header =
      'COD_LOCALE_PROGETTO;CUP;OC_TITOLO_PROGETTO;OC_CODICE_PROGRAMMA;OC_STATO_PROGETTO;OC_DATA_INIZIO_PROGETTO;OC_DATA_FINE_PROGETTO_PREVISTA;COD_COMUNE;FINANZ_TOTALE_PUBBLICO;IMPEGNI;TOT_PAGAMENTI;DATA_AGGIORNAMENTO';
    const file = (...rows: string[]) => Buffer.from([header, ...rows].join('\r\n'), 'utf8');
    const good = [
      'IMP1;C11C17000000001;Hub civico;2014IT16M2OP004;In corso;20170101;20201231;072006:::072029;412.248,84;300000;100000,5;20191231',
      'IMP2;;Idea di progetto;pnrr;;;;072022;;;;',
    ];
    const importCsv = (bytes: Buffer, dryRun: boolean, who = w.coord) =>
      t.http.post(`/api/projects/import?dryRun=${dryRun}`).set(who.auth).attach('file', bytes, 'progetti.csv');

    it('reports each row on a dry run and writes nothing; one bad row makes the apply write nothing', async () => {
      const bad = 'IMP3;C11C17000000003;Pagato troppo;pon_metro;running;20170101;20201231;072006;100;50;60;20191231';
      const elsewhere = 'IMP4;;Fuori dal territorio;pnrr;;;;037006;;;;';
      // P.Bari's CUP with P.Molfetta+Bari's code: two projects in one row
      const takenCup = 'BA1.1.1.b;B91B21000010001;Codice e CUP di due progetti;pnrr;running;;;072006;;;;';
      const dry = await importCsv(file(...good, bad, elsewhere, takenCup), true);
      expect(dry.status).toBe(200);
      expect(dry.body.counts).toEqual({ create: 2, update: 0, reject: 3 });
      expect(dry.body.rows.slice(2)).toEqual([
        { row: 4, action: 'reject', errors: [{ field: 'paid', code: 'PROJECT_PAID_OVER_COMMITTED' }] },
        { row: 5, action: 'reject', errors: [{ field: 'municipalities', code: 'PROJECT_MUNICIPALITY_UNKNOWN' }] },
        { row: 6, action: 'reject', id: ids['P.Bari'], errors: [{ field: 'code', code: 'PROJECT_CODE_TAKEN' }] },
      ]);
      const apply = await importCsv(file(...good, bad), false);
      expect([apply.status, apply.body.code]).toEqual([400, 'IMPORT_REJECTED']);
      expect(apply.body.data.report.counts).toEqual({ create: 2, update: 0, reject: 1 });
      const list = await t.http.get('/api/projects?q=IMP&pageSize=50').set(w.coord.auth).expect(200);
      expect(list.body.total).toBe(0);
      await importCsv(file(...good), true, w.innA).expect(403);
    });

    it('applies all rows at once with their snapshots, then updates by CUP', async () => {
      const apply = await importCsv(file(...good), false);
      expect(apply.status).toBe(200);
      expect(apply.body.counts).toEqual({ create: 2, update: 0, reject: 0 });
      const list = await t.http.get('/api/projects?q=IMP&pageSize=50').set(w.coord.auth).expect(200);
      const hub = list.body.items.find((p: { code: string }) => p.code === 'IMP1');
      expect(hub).toMatchObject({
        programme: 'pon_metro',
        status: 'running',
        startDate: '2017-01-01',
        endDate: '2020-12-31',
        latestProgress: { date: '2019-12-31', admitted: 412248.84, committed: 300000, paid: 100000.5 },
      });
      expect(hub.municipalities.map((m: { istatCode: string }) => m.istatCode).sort()).toEqual(['072006', '072029']);
      const idea = list.body.items.find((p: { code: string }) => p.code === 'IMP2');
      expect(idea).toMatchObject({ status: 'idea', cup: null, programme: 'pnrr', latestProgress: null });
      const again = await importCsv(
        file(
          'IMP1;C11C17000000001;Hub civico (aggiornato);2014IT16M2OP004;Concluso;20170101;20201231;072006:::072029;412248,84;412248,84;412248,83;20211231',
        ),
        false,
      );
      expect(again.body.counts).toEqual({ create: 0, update: 1, reject: 0 });
      const detail = await t.http.get(`/api/projects/${hub.id}`).set(w.coord.auth).expect(200);
      expect(detail.body).toMatchObject({ title: 'Hub civico (aggiornato)', status: 'completed' });
      expect(detail.body.progress.map((p: { date: string }) => p.date)).toEqual(['2019-12-31', '2021-12-31']);
    });
  });
});
