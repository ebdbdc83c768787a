import { randomUUID } from 'node:crypto';
import { type ActivityWorld, type Actor, activityIn, activityWorld, organizationIn } from '../../test/activity-fixtures';
import { buildingBody } from '../../test/building-fixtures';
import { createTestApp, type TestApp } from '../../test/test-app';
import type { IndicatorValuePointDto, IndicatorValuesResponseDto } from './dto/indicator-values.response';

const MOLFETTA = 'municipality:072029';
const GIOVINAZZO = 'municipality:072022';
const AREA = 'socialArea:ATS_BA_MOLFETTA';

function thisMonth(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome', year: 'numeric', month: '2-digit' }).format(new Date()).slice(0, 7);
}

describe('indicator values: roll-ups, computed figures and access (GET /api/indicators/<code>/values)', () => {
  let t: TestApp;
  let w: ActivityWorld;

  beforeAll(async () => {
    t = await createTestApp();
    w = await activityWorld(t);
  });
  afterAll(() => t.close());

  async function read(who: Actor, code: string, query: Record<string, string>): Promise<IndicatorValuesResponseDto> {
    const res = await t.http.get(`/api/indicators/${code}/values`).set(who.auth).query(query);
    if (res.status !== 200) throw new Error(`read ${code}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as IndicatorValuesResponseDto;
  }
  async function value(who: Actor, code: string, territory: string, period: string): Promise<number | null> {
    const body = await read(who, code, { territory, period });
    expect(body.items).toHaveLength(1);
    return body.items[0].value;
  }
  const byTerritory = (items: IndicatorValuePointDto[]) => Object.fromEntries(items.map((i) => [`${i.territory} ${i.period}`, i.value]));

  describe('computed indicators change at once', () => {
    it('counts an activity in its month, municipality, social area and tenant as soon as it is approved', async () => {
      const before = await value(w.coord, 'activities_held', MOLFETTA, '2026-10');
      expect(before).toBe(0);
      const activity = await activityIn(t, 'submitted', w.innA, w.coord, {
        municipality: '072029',
        date: '2026-10-15',
        participants: { total: 30 },
      });
      expect(await value(w.coord, 'activities_held', MOLFETTA, '2026-10')).toBe(0);
      const approved = await t.http.post(`/api/activities/${activity.id}/approve`).set(w.coord.auth).send({});
      expect(approved.status).toBe(200);
      expect(await value(w.coord, 'activities_held', MOLFETTA, '2026-10')).toBe(1);
      expect(await value(w.coord, 'activities_held', AREA, '2026-Q4')).toBe(1);
      expect(await value(w.coord, 'activities_held', 'tenant', '2026')).toBe(1);
      expect(await value(w.coord, 'activity_participants', MOLFETTA, '2026-10')).toBe(30);
      expect(await value(w.coord, 'activities_held', GIOVINAZZO, '2026-10')).toBe(0);
      // a municipality user reads the same figure for their territory
      expect(await value(w.areaMolfetta, 'activities_held', MOLFETTA, '2026-10')).toBe(1);
    });

    it('gives a month after today as missing (null), never zero', async () => {
      expect(await value(w.coord, 'activities_held', MOLFETTA, '2099-01')).toBeNull();
    });

    it('counts an initiative of two municipalities once in their social area and the tenant when it is completed', async () => {
      const created = await t.http
        .post('/api/initiatives')
        .set(w.innA.auth)
        .send({
          clientId: randomUUID(),
          title: 'Rete dei porti solidali',
          status: 'running',
          startDate: '2026-01-10',
          municipality: '072029',
          municipalities: ['072022'],
        });
      expect(created.status).toBe(201);
      expect(await value(w.coord, 'initiatives_realised', AREA, '2026')).toBe(0);
      const running = await read(w.coord, 'initiatives_running', { territory: AREA, period: '2026-09' });
      expect(running.items[0].value).toBe(1);
      const done = await t.http
        .post(`/api/initiatives/${created.body.id}/status`)
        .set(w.innA.auth)
        .send({ to: 'completed', version: created.body.version, date: '2026-10-20' });
      expect(done.status).toBe(200);
      expect(await value(w.coord, 'initiatives_realised', MOLFETTA, '2026-10')).toBe(1);
      expect(await value(w.coord, 'initiatives_realised', GIOVINAZZO, '2026-Q4')).toBe(1);
      expect(await value(w.coord, 'initiatives_realised', AREA, '2026')).toBe(1);
      expect(await value(w.coord, 'initiatives_realised', 'tenant', '2026')).toBe(1);
      const after = await read(w.coord, 'initiatives_running', { territory: AREA, from: '2026-09', to: '2026-10' });
      expect(byTerritory(after.items)).toEqual({ [`${AREA} 2026-09`]: 1, [`${AREA} 2026-10`]: 0 });
    });

    it('counts a building in use and reactivated as soon as it becomes active', async () => {
      const month = thisMonth();
      const organization = await organizationIn(t, w.bari, '072006', 'Cooperativa Il Faro');
      const created = await t.http.post('/api/buildings').set(w.coord.auth).send(buildingBody());
      expect(created.status).toBe(201);
      let b = created.body as { id: string; version: number };
      expect(await value(w.coord, 'buildings_mapped', 'municipality:072006', month)).toBe(1);
      expect(await value(w.coord, 'buildings_active', 'municipality:072006', month)).toBe(0);
      const assignment = { organization, instrument: 'concession', startDate: '2026-01-01', endDate: '2030-12-31' };
      for (const to of ['assessed', 'planned', 'assigned', 'active']) {
        const res = await t.http.post(`/api/buildings/${b.id}/stage`).set(w.coord.auth).send({ to, version: b.version, assignment });
        if (res.status !== 200) throw new Error(`to ${to}: ${res.status} ${JSON.stringify(res.body)}`);
        b = res.body;
        if (to === 'assigned') expect(await value(w.coord, 'buildings_assigned', 'tenant', month)).toBe(1);
      }
      expect(await value(w.coord, 'buildings_active', 'municipality:072006', month)).toBe(1);
      expect(await value(w.coord, 'buildings_assigned', 'tenant', month)).toBe(0);
      expect(await value(w.coord, 'buildings_reactivated', 'socialArea:ATS_BA_BARI', month)).toBe(1);
      expect(await value(w.coord, 'buildings_mapped', 'tenant', month)).toBe(1);
    });

    it('counts community managers employed in the period in each assigned municipality and once above', async () => {
      await t.db.query(`UPDATE users SET hired_on = '2025-03-01', contract_end = NULL WHERE id IN ($1, $2)`, [w.innA.id, w.innB.id]);
      await t.db.query(`UPDATE users SET hired_on = '2026-02-01', contract_end = '2026-06-30' WHERE id = $1`, [w.innC.id]);
      // innA: Bari + Molfetta; innB: Bari + Giovinazzo; innC: Corato (Feb–Jun 2026)
      const all = await read(w.coord, 'community_managers_hired', { territory: 'tenant', by: 'municipality', period: '2026' });
      expect(byTerritory(all.items)).toMatchObject({
        'municipality:072006 2026': 2,
        'municipality:072029 2026': 1,
        'municipality:072022 2026': 1,
        'municipality:072020 2026': 1,
        'municipality:072038 2026': 0,
      });
      expect(await value(w.coord, 'community_managers_hired', AREA, '2026')).toBe(2);
      expect(await value(w.coord, 'community_managers_hired', 'tenant', '2026')).toBe(3); // distinct, not 5
      expect(await value(w.coord, 'community_managers_hired', 'tenant', '2026-Q3')).toBe(2);
      expect(await value(w.coord, 'community_managers_hired', 'tenant', '2025-01')).toBe(0);
    });
  });

  it('reads funds committed and paid from the projects register, split across their municipalities', async () => {
    const created = await t.http
      .post('/api/projects')
      .set(w.coord.auth)
      .send({
        clientId: randomUUID(),
        code: 'BA3.3.1.z',
        title: 'Rete civica',
        programme: 'pon_metro',
        status: 'running',
        cup: 'B91B21000010099',
        municipalities: ['072029', '072022'],
      });
    expect(created.status).toBe(201);
    expect(await value(w.coord, 'project_funds_committed', AREA, '2026-10')).toBe(0);
    const progress = await t.http
      .post(`/api/projects/${created.body.id}/progress`)
      .set(w.coord.auth)
      .send({ date: '2026-10-10', programmed: 1000, admitted: 1000, committed: 800, paid: 300 });
    expect(progress.status).toBe(201);
    expect(await value(w.coord, 'project_funds_committed', MOLFETTA, '2026-10')).toBe(400);
    expect(await value(w.coord, 'project_funds_committed', AREA, '2026-10')).toBe(800);
    expect(await value(w.coord, 'project_funds_paid', 'tenant', '2026-10')).toBe(300);
    expect(await value(w.coord, 'project_funds_paid', 'tenant', '2026-09')).toBe(0);
  });

  describe('manual values', () => {
    let definitionId: string;
    beforeAll(async () => {
      const [d] = await t.db.query(`SELECT id FROM indicator_definitions WHERE tenant_id = $1 AND code = 'crimes_reported'`, [w.bari.id]);
      definitionId = d.id;
      const insert = (istat: string, period: string, v: number, status = 'validated') =>
        t.db.query(
          `INSERT INTO indicator_values (tenant_id, definition_id, territory_kind, municipality_id, period, grain, period_start, period_end, value, status, validated_at)
           VALUES ($1, $2, 'municipality', $3, $4, 'year', ($4 || '-01-01')::date, ($4 || '-12-31')::date, $5, $6, CASE WHEN $6 = 'validated' THEN now() END)`,
          [w.bari.id, definitionId, w.bari.municipalities[istat], period, v, status],
        );
      await insert('072006', '2025', 1000);
      await insert('072029', '2025', 300);
      await insert('072022', '2025', 100);
      await insert('072020', '2025', 200);
      await insert('072038', '2025', 50, 'draft');
      await t.db.query(
        `INSERT INTO indicator_targets (tenant_id, definition_id, year, territory_kind, value) VALUES ($1, $2, 2025, 'tenant', 3)`,
        [w.bari.id, definitionId],
      );
    });

    it('sums municipalities into social areas and the tenant, and says a roll-up with a missing municipality is incomplete', async () => {
      const body = await read(w.coord, 'crimes_reported', { territory: 'tenant', by: 'socialArea', period: '2025', perCapita: 'false' });
      expect(body).toMatchObject({ grain: 'year', perCapita: false, includeDrafts: false });
      const areas = Object.fromEntries(body.items.map((i) => [i.territory, i]));
      expect(areas[AREA]).toMatchObject({ value: 400, complete: true, covered: 2, expected: 2 });
      expect(areas['socialArea:ATS_BA_CORATO']).toMatchObject({ value: 200, complete: false, covered: 1, expected: 2 });
      // the target is kept in the definition's terms (per 1,000 inhabitants): 3 per 1,000 of 2025's population
      const population = [319000, 56000, 20000, 47000, 25000].reduce((sum, p) => sum + Math.round(p * 1.01), 0);
      const tenant = await read(w.coord, 'crimes_reported', { territory: 'tenant', period: '2025', perCapita: 'false' });
      expect(tenant.items[0]).toMatchObject({ value: 1600, complete: false });
      expect(tenant.items[0].target).toBeCloseTo((3 * population) / 1000, 4);
      const perCapita = await read(w.coord, 'crimes_reported', { territory: 'tenant', period: '2025' });
      expect(perCapita.items[0]).toMatchObject({ target: 3, population });
      // lower is better, no baseline: target / value, and 2025 is over: behind
      expect(perCapita.items[0].progress).toMatchObject({
        share: Math.round((3 / ((1600 * 1000) / population)) * 10000) / 10000,
        status: 'behind',
      });
      // a target is shown only where one is set: no split of the metropolitan target
      expect(areas[AREA].target).toBeNull();
    });

    it('counts drafts only when asked, and only for staff', async () => {
      const withDrafts = await read(w.coord, 'crimes_reported', {
        territory: 'socialArea:ATS_BA_CORATO',
        period: '2025',
        perCapita: 'false',
        drafts: 'true',
      });
      expect(withDrafts.items[0]).toMatchObject({ value: 250, complete: true });
      const refused = await t.http
        .get('/api/indicators/crimes_reported/values')
        .set(w.areaMolfetta.auth)
        .query({ territory: AREA, drafts: 'true' });
      expect([refused.status, refused.body.code]).toEqual([403, 'INDICATOR_DRAFTS_FORBIDDEN']);
    });

    it('divides by the population of the year per 1,000 inhabitants (the definition is per capita by default)', async () => {
      // populations: the 2026 figure and 2021 (+1%); for 2025 the latest year ≤ 2025 is 2021
      const body = await read(w.coord, 'crimes_reported', { territory: AREA, period: '2025' });
      expect(body.perCapita).toBe(true);
      const population = Math.round(56000 * 1.01) + Math.round(20000 * 1.01);
      expect(body.items[0].population).toBe(population);
      expect(body.items[0].value).toBeCloseTo((400 * 1000) / population, 4);
    });

    it('shows missing periods as null and quarters of yearly values as missing', async () => {
      const body = await read(w.coord, 'crimes_reported', { territory: MOLFETTA, from: '2024', to: '2025', perCapita: 'false' });
      expect(body.items.map((i) => [i.period, i.value])).toEqual([
        ['2024', null],
        ['2025', 300],
      ]);
      const quarters = await read(w.coord, 'crimes_reported', {
        territory: MOLFETTA,
        period: '2025',
        grain: 'quarter',
        perCapita: 'false',
      });
      expect(quarters.items.map((i) => i.value)).toEqual([null, null, null, null]);
    });

    it('exports the view as CSV', async () => {
      const res = await t.http
        .get('/api/indicators/crimes_reported/values/export')
        .set(w.coord.auth)
        .query({ territory: AREA, by: 'municipality', period: '2025', perCapita: 'false', format: 'csv' });
      expect(res.status).toBe(200);
      const lines = res.text.trim().split('\r\n');
      expect(lines[0]).toBe(
        'indicator,indicator_name,territory,territory_name,period,value,target,progress_share,progress_status,population,covered,expected',
      );
      expect(lines.slice(1).sort()).toEqual([
        'crimes_reported,N. delitti denunciati,municipality:072022,Giovinazzo,2025,100,,,,,1,1',
        'crimes_reported,N. delitti denunciati,municipality:072029,Molfetta,2025,300,,,,,1,1',
      ]);
    });
  });

  describe('who reads which territory', () => {
    const cases: [string, keyof ActivityWorld, string, number][] = [
      ['the Comune of Bari its municipality', 'muniBari', 'municipality:072006', 200],
      ['the Comune of Bari not the tenant', 'muniBari', 'tenant', 404],
      ['the Comune of Bari not another municipality', 'muniBari', MOLFETTA, 404],
      ['the Comune of Bari not its social area', 'muniBari', 'socialArea:ATS_BA_BARI', 404],
      ['the social area its area', 'areaMolfetta', AREA, 200],
      ['the social area one of its municipalities', 'areaMolfetta', GIOVINAZZO, 200],
      ['the social area not the tenant', 'areaMolfetta', 'tenant', 404],
      ['the social area not another area', 'areaMolfetta', 'socialArea:ATS_BA_CORATO', 404],
      ['an innovator the whole tenant', 'innC', 'tenant', 200],
      ['Bologna not a municipality of Bari', 'coordBo', MOLFETTA, 404],
      ['Bari not a municipality of Bologna', 'coord', 'municipality:037006', 404],
    ];
    it.each(cases)('%s', async (_label, viewer, territory, status) => {
      const who = w[viewer] as Actor;
      const res = await t.http.get('/api/indicators/activities_held/values').set(who.auth).query({ territory, period: '2026' });
      expect(res.status).toBe(status);
      if (status === 404) expect(res.body.code).toBe('INDICATOR_TERRITORY_NOT_FOUND');
    });

    it('breaks a social area down into its municipalities for its own users only', async () => {
      const body = await read(w.areaMolfetta, 'activities_held', { territory: AREA, by: 'municipality', period: '2026' });
      expect(body.items.map((i) => i.territory).sort()).toEqual([GIOVINAZZO, MOLFETTA]);
    });

    it('asks an admin for a tenant', async () => {
      const res = await t.http.get('/api/indicators/activities_held/values').set(w.admin.auth).query({ period: '2026' });
      expect([res.status, res.body.code]).toEqual([400, 'INDICATOR_TENANT_REQUIRED']);
    });
  });

  describe('bad input', () => {
    const cases: [string, Record<string, string>, string, string][] = [
      ['a malformed period', { period: '2026-13' }, '', 'period'],
      ['a malformed territory', { territory: 'city:Bari' }, '', 'territory'],
      ['period with from', { period: '2026', from: '2025', to: '2026' }, 'INDICATOR_RANGE_INVALID', 'period'],
      ['from without to', { from: '2025' }, 'INDICATOR_RANGE_INVALID', 'to'],
      ['to before from', { from: '2026', to: '2025' }, 'INDICATOR_RANGE_INVALID', 'to'],
      ['a grain coarser than the period', { period: '2026-03', grain: 'year' }, 'INDICATOR_RANGE_INVALID', 'grain'],
      ['an unknown grain', { grain: 'week' }, '', 'grain'],
      ['an unknown breakdown', { by: 'province' }, '', 'by'],
      ['a municipality by social area', { territory: MOLFETTA, by: 'socialArea' }, 'INDICATOR_BREAKDOWN_INVALID', 'by'],
      ['too many cells', { by: 'municipality', from: '2000-01', to: '2100-12', grain: 'month' }, 'INDICATOR_RANGE_TOO_LARGE', 'from'],
      ['perCapita not a boolean', { perCapita: 'yes' }, '', 'perCapita'],
      ['an unknown parameter', { colour: 'red' }, '', 'colour'],
    ];
    it.each(cases)('refuses %s with 400 naming the field', async (_label, query, code, field) => {
      const res = await t.http.get('/api/indicators/activities_held/values').set(w.coord.auth).query(query);
      expect(res.status).toBe(400);
      if (code) expect(res.body.code).toBe(code);
      expect(res.body.details?.map((d: { field: string }) => d.field)).toContain(field);
    });

    it('answers 404 for an unknown indicator', async () => {
      const res = await t.http.get('/api/indicators/no_such_indicator/values').set(w.coord.auth);
      expect([res.status, res.body.code]).toEqual([404, 'INDICATOR_NOT_FOUND']);
    });
  });

  it('gives a territory every active indicator with value, target and progress', async () => {
    const res = await t.http.get('/api/indicators/territory').set(w.areaMolfetta.auth).query({ territory: AREA, period: '2025' });
    expect(res.status).toBe(200);
    const codes = res.body.items.map((i: { indicator: { code: string } }) => i.indicator.code);
    expect(codes).toEqual(expect.arrayContaining(['community_managers_hired', 'initiatives_realised', 'crimes_reported']));
    expect(codes).toContain('new_collaborations'); // active since the collaboration model (migration 1764760000000)
    const crimes = res.body.items.find((i: { indicator: { code: string } }) => i.indicator.code === 'crimes_reported');
    expect(crimes.point).toMatchObject({ territory: AREA, period: '2025', complete: true });
  });
});
