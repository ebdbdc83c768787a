import { type Actor, type ActivityWorld, activityWorld } from '../../test/activity-fixtures';
import { createTestApp, type TestApp } from '../../test/test-app';

/** Indicators (docs/indicators.md): seeding, definitions and targets, manual values and their validation, access. */

const count = async (t: TestApp, table: string, where = 'true'): Promise<number> =>
  (await t.db.query(`SELECT count(*)::int AS n FROM ${table} WHERE ${where}`))[0].n;

async function counts(t: TestApp) {
  return {
    definitions: await count(t, 'indicator_definitions'),
    targets: await count(t, 'indicator_targets'),
    values: await count(t, 'indicator_values'),
    audit: await count(t, 'audit_log'),
  };
}

const definitionBody = (overrides: Record<string, unknown> = {}) => ({
  code: 'volunteers_hours',
  nameIt: 'Ore di volontariato',
  nameEn: 'Volunteer hours',
  unit: 'hours',
  kind: 'output',
  timeAggregation: 'sum',
  territoryAggregation: 'sum',
  direction: 'higher',
  source: 'manual',
  ...overrides,
});

describe('indicators: seeding and definitions', () => {
  let t: TestApp;
  let w: ActivityWorld;

  beforeAll(async () => {
    t = await createTestApp();
    w = await activityWorld(t);
  });
  afterAll(() => t.close());

  it('seeds the three programme indicators and the operational ones for every tenant', async () => {
    const rows: { istat: string; codes: string[] }[] = await t.db.query(
      `SELECT t.istat_code AS istat, array_agg(d.code ORDER BY d.code) AS codes
         FROM tenants t JOIN indicator_definitions d ON d.tenant_id = t.tenant_id GROUP BY t.istat_code ORDER BY 1`,
    );
    expect(rows.map((r) => r.istat)).toEqual(['237', '272']);
    for (const r of rows) {
      expect(r.codes).toEqual(
        expect.arrayContaining([
          'community_managers_hired',
          'initiatives_realised',
          'crimes_reported',
          'activities_held',
          'activity_participants',
          'buildings_mapped',
          'buildings_active',
          'buildings_reactivated',
          'organizations_mapped',
          'initiatives_running',
        ]),
      );
    }
    const list = await t.http.get('/api/indicators').set(w.muniBari.auth).expect(200);
    expect(list.body.items.slice(0, 3).map((d: { code: string }) => d.code)).toEqual([
      'community_managers_hired',
      'initiatives_realised',
      'crimes_reported',
    ]);
    const crimes = list.body.items.find((d: { code: string }) => d.code === 'crimes_reported');
    expect(crimes).toMatchObject({
      nameIt: 'N. delitti denunciati',
      source: 'manual',
      computation: null,
      direction: 'lower',
      perCapita: true,
      timeAggregation: 'sum',
    });
    const mapped = list.body.items.find((d: { code: string }) => d.code === 'buildings_mapped');
    expect(mapped).toMatchObject({ source: 'computed', computation: 'buildings_mapped', timeAggregation: 'last' });
    const active = list.body.items.find((d: { code: string }) => d.code === 'buildings_active');
    expect(active).toMatchObject({ computation: 'buildings_in_stage', computationParams: { stage: 'active' } });
  });

  it('the seeding function keeps what a coordinator changed and adds nothing twice', async () => {
    await t.db.query(`UPDATE indicator_definitions SET name_it = 'Delitti' WHERE code = 'crimes_reported' AND tenant_id = $1`, [w.bari.id]);
    const [{ n }] = await t.db.query(`SELECT trama_seed_indicator_definitions($1) AS n`, [w.bari.id]);
    expect(n).toBe(0);
    expect(
      (await t.db.query(`SELECT name_it FROM indicator_definitions WHERE code = 'crimes_reported' AND tenant_id = $1`, [w.bari.id]))[0]
        .name_it,
    ).toBe('Delitti');
    await t.db.query(
      `UPDATE indicator_definitions SET name_it = 'N. delitti denunciati' WHERE code = 'crimes_reported' AND tenant_id = $1`,
      [w.bari.id],
    );
  });

  it('every role of the tenant reads the definitions; other tenants and unknown codes are 404; admins name the tenant', async () => {
    for (const who of [w.coord, w.innA, w.muniBari, w.areaMolfetta]) {
      await t.http.get('/api/indicators/crimes_reported').set(who.auth).expect(200);
    }
    await t.http.get('/api/indicators/no_such_code').set(w.coord.auth).expect(404);
    await t.http.get('/api/indicators/NOT-A-CODE').set(w.coord.auth).expect(404);
    const other = await t.http.get('/api/indicators/crimes_reported?tenant=272').set(w.coordBo.auth).expect(404);
    expect(other.body.code).toBe('INDICATOR_NOT_FOUND');
    const admin = await t.http.get('/api/indicators').set(w.admin.auth).expect(400);
    expect(admin.body.code).toBe('INDICATOR_TENANT_REQUIRED');
    const adminBo = await t.http.get('/api/indicators?tenant=237').set(w.admin.auth).expect(200);
    expect(adminBo.body.items.length).toBeGreaterThan(10);
    const bo = await t.http.get('/api/indicators/crimes_reported').set(w.coordBo.auth).expect(200);
    const ba = await t.http.get('/api/indicators/crimes_reported').set(w.coord.auth).expect(200);
    expect(bo.body.version).toBe(1);
    expect(ba.body.code).toBe(bo.body.code);
  });

  it('coordinators create a definition (audited); innovators and municipality users may not', async () => {
    const before = await counts(t);
    await t.http.post('/api/indicators').set(w.innA.auth).send(definitionBody()).expect(403);
    await t.http.post('/api/indicators').set(w.muniBari.auth).send(definitionBody()).expect(403);
    expect(await counts(t)).toEqual(before);
    const res = await t.http
      .post('/api/indicators')
      .set(w.coord.auth)
      .send(definitionBody({ baselineValue: 1200, baselineYear: 2024 }))
      .expect(201);
    expect(res.body).toMatchObject({
      code: 'volunteers_hours',
      version: 1,
      baselineValue: 1200,
      baselineYear: 2024,
      perCapita: false,
      active: true,
    });
    expect(await count(t, 'audit_log', `entity = 'indicator_definition' AND action = 'create'`)).toBe(1);
    // the same code in another tenant is another definition
    await t.http.post('/api/indicators').set(w.coordBo.auth).send(definitionBody()).expect(201);
    const dup = await t.http.post('/api/indicators').set(w.coord.auth).send(definitionBody()).expect(409);
    expect(dup.body.code).toBe('INDICATOR_CODE_TAKEN');
  });

  it('bad definitions are 400 naming the field, and write nothing', async () => {
    const before = await counts(t);
    const cases: [Record<string, unknown>, string, string][] = [
      [definitionBody({ code: 'computed_one', source: 'computed' }), 'INDICATOR_DEFINITION_INVALID', 'computation'],
      [definitionBody({ code: 'manual_one', computation: 'activities_held' }), 'INDICATOR_DEFINITION_INVALID', 'computation'],
      [
        definitionBody({ code: 'stage_one', source: 'computed', computation: 'buildings_in_stage' }),
        'INDICATOR_DEFINITION_INVALID',
        'computationParams.stage',
      ],
      [
        definitionBody({
          code: 'stage_two',
          source: 'computed',
          computation: 'buildings_in_stage',
          computationParams: { stage: 'flying' },
        }),
        'INDICATOR_DEFINITION_INVALID',
        'computationParams.stage',
      ],
      [
        definitionBody({
          code: 'type_one',
          source: 'computed',
          computation: 'buildings_mapped',
          computationParams: { activityType: 'workshop' },
        }),
        'INDICATOR_DEFINITION_INVALID',
        'computationParams.activityType',
      ],
      [definitionBody({ code: 'base_one', baselineValue: 3 }), 'INDICATOR_DEFINITION_INVALID', 'baselineYear'],
      [definitionBody({ code: 'Bad Code' }), 'VALIDATION_FAILED', 'code'],
      [definitionBody({ code: 'unit_one', unit: 'parsecs' }), 'VALIDATION_FAILED', 'unit'],
      [definitionBody({ code: 'agg_one', timeAggregation: 'median' }), 'VALIDATION_FAILED', 'timeAggregation'],
      [definitionBody({ code: 'dec_one', decimals: 9 }), 'VALIDATION_FAILED', 'decimals'],
    ];
    for (const [body, code, field] of cases) {
      const res = await t.http.post('/api/indicators').set(w.coord.auth).send(body);
      expect([res.status, res.body.code]).toEqual([400, code]);
      expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
    }
    expect(await counts(t)).toEqual(before);
  });

  it('a computed definition is created with a computation of the vocabulary and its parameters', async () => {
    const res = await t.http
      .post('/api/indicators')
      .set(w.coord.auth)
      .send(
        definitionBody({
          code: 'workshops_held',
          source: 'computed',
          computation: 'activities_held',
          computationParams: { activityType: 'workshop' },
        }),
      )
      .expect(201);
    expect(res.body).toMatchObject({ source: 'computed', computation: 'activities_held', computationParams: { activityType: 'workshop' } });
  });

  it('PATCH edits with the version; a stale version is a 409 and the code never changes', async () => {
    const d = (await t.http.get('/api/indicators/volunteers_hours').set(w.coord.auth).expect(200)).body;
    const ok = await t.http
      .patch('/api/indicators/volunteers_hours')
      .set(w.coord.auth)
      .send({ version: d.version, nameEn: 'Hours of volunteering', decimals: 1 })
      .expect(200);
    expect(ok.body).toMatchObject({ nameEn: 'Hours of volunteering', decimals: 1, version: d.version + 1 });
    const stale = await t.http
      .patch('/api/indicators/volunteers_hours')
      .set(w.coord.auth)
      .send({ version: d.version, nameEn: 'Lost' })
      .expect(409);
    expect(stale.body.code).toBe('STALE_VERSION');
    await t.http
      .patch('/api/indicators/volunteers_hours')
      .set(w.coord.auth)
      .send({ version: d.version + 1, code: 'renamed' })
      .expect(400);
    await t.http
      .patch('/api/indicators/volunteers_hours')
      .set(w.coord.auth)
      .send({ version: d.version + 1, source: 'computed' })
      .expect(400);
    await t.http
      .patch('/api/indicators/volunteers_hours')
      .set(w.innA.auth)
      .send({ version: d.version + 1, nameEn: 'x' })
      .expect(403);
    const after = (await t.http.get('/api/indicators/volunteers_hours').set(w.coord.auth)).body;
    expect(after).toMatchObject({ nameEn: 'Hours of volunteering', version: d.version + 1 });
    const history = await t.db.query(`SELECT before, after FROM audit_log WHERE entity = 'indicator_definition' AND action = 'update'`);
    expect(history).toEqual([
      { before: { nameEn: 'Volunteer hours', decimals: 0 }, after: { nameEn: 'Hours of volunteering', decimals: 1 } },
    ]);
  });

  it('targets: replaced as a list (tenant, social area, municipality), checked, versioned; municipality users read their own', async () => {
    const d = (await t.http.get('/api/indicators/initiatives_realised').set(w.coord.auth)).body;
    const targets = [
      { year: 2026, territory: 'tenant', value: 40 },
      { year: 2026, territory: 'socialArea:ATS_BA_MOLFETTA', value: 8 },
      { year: 2026, territory: 'municipality:072006', value: 15 },
      { year: 2027, territory: 'tenant', value: 60 },
    ];
    const before = await counts(t);
    const bad = [
      [{ year: 2026, territory: 'municipality:037006', value: 1 }],
      [{ year: 2026, territory: 'socialArea:NOPE', value: 1 }],
      [
        { year: 2026, territory: 'tenant', value: 1 },
        { year: 2026, territory: 'tenant', value: 2 },
      ],
      [{ year: 1999, territory: 'tenant', value: 1 }],
      [{ year: 2026, territory: 'municipality:72006', value: 1 }],
    ];
    for (const list of bad) {
      const res = await t.http
        .put('/api/indicators/initiatives_realised/targets')
        .set(w.coord.auth)
        .send({ version: d.version, targets: list });
      expect(res.status).toBe(400);
    }
    await t.http.put('/api/indicators/initiatives_realised/targets').set(w.innA.auth).send({ version: d.version, targets }).expect(403);
    expect(await counts(t)).toEqual(before);
    const ok = await t.http
      .put('/api/indicators/initiatives_realised/targets')
      .set(w.coord.auth)
      .send({ version: d.version, targets })
      .expect(200);
    expect(ok.body.version).toBe(d.version + 1);
    expect(ok.body.targets).toEqual([
      { year: 2026, territory: { kind: 'tenant', code: 'tenant', name: '' }, value: 40 },
      { year: 2026, territory: { kind: 'social_area', code: 'socialArea:ATS_BA_MOLFETTA', name: 'Ambito ATS_BA_MOLFETTA' }, value: 8 },
      { year: 2026, territory: { kind: 'municipality', code: 'municipality:072006', name: 'Bari' }, value: 15 },
      { year: 2027, territory: { kind: 'tenant', code: 'tenant', name: '' }, value: 60 },
    ]);
    const stale = await t.http
      .put('/api/indicators/initiatives_realised/targets')
      .set(w.coord.auth)
      .send({ version: d.version, targets: [] });
    expect(stale.status).toBe(409);
    expect(await count(t, 'indicator_targets')).toBe(4);
    const muni = await t.http.get('/api/indicators/initiatives_realised').set(w.muniBari.auth).expect(200);
    expect(muni.body.targets.map((x: { territory: { code: string } }) => x.territory.code)).toEqual(['municipality:072006']);
    const area = await t.http.get('/api/indicators/initiatives_realised').set(w.areaMolfetta.auth).expect(200);
    expect(area.body.targets.map((x: { territory: { code: string } }) => x.territory.code)).toEqual(['socialArea:ATS_BA_MOLFETTA']);
    const bo = await t.http.get('/api/indicators/initiatives_realised').set(w.coordBo.auth).expect(200);
    expect(bo.body.targets).toEqual([]);
  });
});

describe('indicators: manual values, validation and access', () => {
  let t: TestApp;
  let w: ActivityWorld;

  beforeAll(async () => {
    t = await createTestApp();
    w = await activityWorld(t);
  });
  afterAll(() => t.close());

  const enter = (who: Actor, body: Record<string, unknown>, code = 'crimes_reported') =>
    t.http.post(`/api/indicators/${code}/values`).set(who.auth).send(body);

  it('an innovator enters a draft for an assigned municipality; a coordinator’s entry is validated at once', async () => {
    const draft = await enter(w.innA, { territory: 'municipality:072006', period: '2025', value: 11250, note: 'ISTAT 2025' }).expect(201);
    expect(draft.body).toMatchObject({
      indicator: 'crimes_reported',
      territory: { kind: 'municipality', code: 'municipality:072006', name: 'Bari' },
      period: '2025',
      grain: 'year',
      periodStart: '2025-01-01',
      periodEnd: '2025-12-31',
      value: 11250,
      note: 'ISTAT 2025',
      status: 'draft',
      enteredBy: { id: w.innA.id, fullName: 'Anna Innovatrice' },
      validatedBy: null,
      version: 1,
    });
    const coord = await enter(w.coord, { territory: 'socialArea:ATS_BA_MOLFETTA', period: '2025-Q3', value: 512.5 }).expect(201);
    expect(coord.body).toMatchObject({
      status: 'validated',
      grain: 'quarter',
      periodStart: '2025-07-01',
      periodEnd: '2025-09-30',
      validatedBy: { id: w.coord.id },
    });
    const tenant = await enter(w.coord, { territory: 'tenant', period: '2025-09', value: 3000 }).expect(201);
    expect(tenant.body).toMatchObject({ territory: { kind: 'tenant', code: 'tenant' }, grain: 'month', periodEnd: '2025-09-30' });
    await enter(w.innA, { territory: 'municipality:072029', period: '2025', value: 1800 }).expect(201);
    await enter(w.innC, { territory: 'municipality:072020', period: '2025', value: 1500 }).expect(201);
  });

  it('refuses bad entries with 400 naming the field (or 409 for a duplicate) and writes nothing', async () => {
    const before = await counts(t);
    const cases: [Actor, Record<string, unknown>, string, number, string?][] = [
      [w.innA, { territory: 'municipality:072020', period: '2025', value: 1 }, 'INDICATOR_TERRITORY_NOT_ASSIGNED', 400],
      [w.innA, { territory: 'socialArea:ATS_BA_BARI', period: '2025', value: 1 }, 'INDICATOR_TERRITORY_NOT_ASSIGNED', 400],
      [w.innA, { territory: 'tenant', period: '2025', value: 1 }, 'INDICATOR_TERRITORY_NOT_ASSIGNED', 400],
      [w.coord, { territory: 'municipality:037006', period: '2025', value: 1 }, 'INDICATOR_TERRITORY_UNKNOWN', 400],
      [w.coord, { territory: 'socialArea:DSS_BO_SAVENA_IDICE', period: '2025', value: 1 }, 'INDICATOR_TERRITORY_UNKNOWN', 400],
      [w.coord, { territory: 'comune di Bari', period: '2025', value: 1 }, 'INDICATOR_TERRITORY_UNKNOWN', 400],
      [w.coord, { territory: 'municipality:072006', period: '2025-13', value: 1 }, 'INDICATOR_PERIOD_INVALID', 400],
      [w.coord, { territory: 'municipality:072006', period: '2025-Q5', value: 1 }, 'INDICATOR_PERIOD_INVALID', 400],
      [w.coord, { territory: 'municipality:072006', period: '25', value: 1 }, 'INDICATOR_PERIOD_INVALID', 400],
      [w.coord, { territory: 'municipality:072006', period: '1850', value: 1 }, 'INDICATOR_PERIOD_INVALID', 400],
      [w.coord, { territory: 'municipality:072006', period: '2025', value: 'many' }, 'VALIDATION_FAILED', 400],
      [w.coord, { territory: 'municipality:072006', period: '2025', value: 1e20 }, 'VALIDATION_FAILED', 400],
      [w.coord, { territory: 'municipality:072006', period: '2025' }, 'VALIDATION_FAILED', 400],
      [w.coord, { territory: 'municipality:072006', period: '2025', value: 1, extra: true }, 'VALIDATION_FAILED', 400],
      [w.innA, { territory: 'municipality:072006', period: '2025', value: 99 }, 'INDICATOR_VALUE_DUPLICATE', 409],
      [w.coord, { territory: 'municipality:072006', period: '2025', value: 99 }, 'INDICATOR_VALUE_DUPLICATE', 409],
    ];
    for (const [who, body, code, status] of cases) {
      const res = await enter(who, body);
      expect([JSON.stringify(body), res.status, res.body.code]).toEqual([JSON.stringify(body), status, code]);
    }
    const computed = await enter(w.coord, { territory: 'municipality:072006', period: '2025', value: 3 }, 'initiatives_realised');
    expect([computed.status, computed.body.code]).toEqual([400, 'INDICATOR_COMPUTED']);
    await enter(w.coord, { territory: 'municipality:072006', period: '2025', value: 3 }, 'no_such').expect(404);
    await enter(w.muniBari, { territory: 'municipality:072006', period: '2026', value: 3 }).expect(403);
    await enter(w.coordBo, { territory: 'municipality:072006', period: '2026', value: 3 }).expect(400);
    expect(await counts(t)).toEqual(before);
  });

  const entries = async (who: Actor, query = '') =>
    (await t.http.get(`/api/indicators/values/entries?pageSize=200${query}`).set(who.auth).expect(200)).body as {
      items: { id: string; territory: { code: string }; status: string; version: number; value: number }[];
      total: number;
    };
  const idOf = async (territory: string, period = '2025') =>
    (
      await t.db.query(
        `SELECT v.id FROM indicator_values v LEFT JOIN municipalities m ON m.id = v.municipality_id
       LEFT JOIN social_areas sa ON sa.id = v.social_area_id
       WHERE v.period = $2 AND (CASE v.territory_kind WHEN 'tenant' THEN 'tenant' WHEN 'social_area' THEN 'socialArea:' || sa.code
             ELSE 'municipality:' || m.istat_code END) = $1`,
        [territory, period],
      )
    )[0].id as string;

  it('the entries each role reads: staff the whole tenant; municipality users their territory; never another tenant', async () => {
    const territories = async (who: Actor) => (await entries(who)).items.map((v) => v.territory.code).sort();
    expect(await territories(w.coord)).toEqual([
      'municipality:072006',
      'municipality:072020',
      'municipality:072029',
      'socialArea:ATS_BA_MOLFETTA',
      'tenant',
    ]);
    expect(await territories(w.innC)).toEqual(await territories(w.coord));
    expect(await territories(w.muniBari)).toEqual(['municipality:072006']);
    expect(await territories(w.areaMolfetta)).toEqual(['municipality:072029', 'socialArea:ATS_BA_MOLFETTA']);
    expect(await territories(w.coordBo)).toEqual([]);
    expect(await territories(w.innBo)).toEqual([]);
    // the queue: drafts only
    const drafts = await entries(w.coord, '&status=draft');
    expect(drafts.items.map((v) => v.territory.code).sort()).toEqual(['municipality:072006', 'municipality:072020', 'municipality:072029']);
    expect((await entries(w.coord, '&territory=municipality:072029')).total).toBe(1);
    expect((await entries(w.coord, '&indicator=initiatives_realised')).total).toBe(0);
    // another tenant's municipality is a filter that matches nothing; a malformed one is a 400
    expect((await entries(w.coord, '&territory=municipality:037006')).total).toBe(0);
    await t.http.get('/api/indicators/values/entries?territory=comune:072006').set(w.coord.auth).expect(400);
    // single value and history: out of scope is a 404
    const molfetta = await idOf('municipality:072029');
    await t.http.get(`/api/indicators/values/${molfetta}`).set(w.areaMolfetta.auth).expect(200);
    for (const who of [w.muniBari, w.coordBo, w.innBo]) {
      const res = await t.http.get(`/api/indicators/values/${molfetta}`).set(who.auth).expect(404);
      expect(res.body.code).toBe('INDICATOR_VALUE_NOT_FOUND');
      await t.http.get(`/api/indicators/values/${molfetta}/history`).set(who.auth).expect(404);
    }
    const tenantValue = await idOf('tenant', '2025-09');
    await t.http.get(`/api/indicators/values/${tenantValue}`).set(w.areaMolfetta.auth).expect(404);
    await t.http.get(`/api/indicators/values/${tenantValue}`).set(w.innC.auth).expect(200);
  });

  it('validation: a coordinator validates a draft (409 stale or not a draft); only they change a validated value; history kept', async () => {
    const bari = await idOf('municipality:072006');
    const res = await t.http.post(`/api/indicators/values/${bari}/validate`).set(w.innA.auth).send({ version: 1 });
    expect(res.status).toBe(403);
    await t.http.post(`/api/indicators/values/${bari}/validate`).set(w.muniBari.auth).send({ version: 1 }).expect(403);
    await t.http.post(`/api/indicators/values/${bari}/validate`).set(w.coordBo.auth).send({ version: 1 }).expect(404);
    // the innovator corrects the draft first
    const fixed = await t.http.patch(`/api/indicators/values/${bari}`).set(w.innA.auth).send({ version: 1, value: 11300 }).expect(200);
    expect(fixed.body).toMatchObject({ value: 11300, version: 2, status: 'draft' });
    const stale = await t.http.post(`/api/indicators/values/${bari}/validate`).set(w.coord.auth).send({ version: 1 }).expect(409);
    expect(stale.body.code).toBe('STALE_VERSION');
    const ok = await t.http.post(`/api/indicators/values/${bari}/validate`).set(w.coord.auth).send({ version: 2 }).expect(200);
    expect(ok.body).toMatchObject({ status: 'validated', version: 3, validatedBy: { id: w.coord.id, fullName: 'Cosimo Coordinatore' } });
    const again = await t.http.post(`/api/indicators/values/${bari}/validate`).set(w.coord.auth).send({ version: 3 }).expect(409);
    expect(again.body.code).toBe('INDICATOR_VALUE_NOT_DRAFT');
    // validated: locked for the innovator, corrected by a coordinator
    const locked = await t.http.patch(`/api/indicators/values/${bari}`).set(w.innA.auth).send({ version: 3, value: 1 }).expect(403);
    expect(locked.body.code).toBe('INDICATOR_VALUE_LOCKED');
    await t.http.delete(`/api/indicators/values/${bari}?version=3`).set(w.coord.auth).expect(409);
    await t.http.patch(`/api/indicators/values/${bari}`).set(w.coord.auth).send({ version: 3, note: 'ISTAT, dato rivisto' }).expect(200);
    await t.http.patch(`/api/indicators/values/${bari}`).set(w.coord.auth).send({ version: 3, note: 'lost' }).expect(409);
    // another innovator's municipality: read, never changed
    const corato = await idOf('municipality:072020');
    await t.http.get(`/api/indicators/values/${corato}`).set(w.innA.auth).expect(200);
    await t.http.patch(`/api/indicators/values/${corato}`).set(w.innA.auth).send({ version: 1, value: 2 }).expect(403);
    await t.http.delete(`/api/indicators/values/${corato}?version=1`).set(w.innA.auth).expect(403);
    await t.http.patch(`/api/indicators/values/${corato}`).set(w.muniBari.auth).send({ version: 1, value: 2 }).expect(403);
    const history = await t.http.get(`/api/indicators/values/${bari}/history`).set(w.muniBari.auth).expect(200);
    expect(history.body.entries.map((e: { action: string; actor: { fullName: string } }) => [e.action, e.actor.fullName])).toEqual([
      ['create', 'Anna Innovatrice'],
      ['update', 'Anna Innovatrice'],
      ['validate', 'Cosimo Coordinatore'],
      ['update', 'Cosimo Coordinatore'],
    ]);
    expect(history.body.entries[1]).toMatchObject({ before: { value: 11250 }, after: { value: 11300 } });
  });

  it('deleting: an innovator deletes their draft (version checked), audited', async () => {
    const molfetta = await idOf('municipality:072029');
    await t.http.delete(`/api/indicators/values/${molfetta}?version=7`).set(w.innA.auth).expect(409);
    await t.http.delete(`/api/indicators/values/${molfetta}?version=1`).set(w.innA.auth).expect(204);
    await t.http.get(`/api/indicators/values/${molfetta}`).set(w.coord.auth).expect(404);
    expect(await count(t, 'audit_log', `entity = 'indicator_value' AND action = 'delete' AND entity_id = '${molfetta}'`)).toBe(1);
  });
});
