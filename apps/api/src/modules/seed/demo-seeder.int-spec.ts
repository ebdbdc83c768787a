import { createTestApp, type TestApp } from '../../test/test-app';
import { isValidTaxCode } from '../organizations/tax-code';
import { pointInGeometry } from '../territory/geo';
import { DemoSeeder } from './demo-seeder';

describe('demo data', () => {
  let t: TestApp;
  const log: string[] = [];
  beforeAll(async () => {
    t = await createTestApp();
    await t.app.get(DemoSeeder).seed((m) => log.push(m));
  });
  afterAll(() => t.close());

  it('imports both territories and creates one account per role', async () => {
    const [counts] = await t.db.query(`SELECT
        (SELECT count(*)::int FROM municipalities m JOIN tenants x USING (tenant_id) WHERE x.istat_code = '272') AS bari,
        (SELECT count(*)::int FROM municipalities m JOIN tenants x USING (tenant_id) WHERE x.istat_code = '237') AS bologna,
        (SELECT count(*)::int FROM social_areas s JOIN tenants x USING (tenant_id) WHERE x.istat_code = '272') AS bari_areas,
        (SELECT count(*)::int FROM users) AS users`);
    expect(counts).toEqual({ bari: 41, bologna: 55, bari_areas: 12, users: 5 });
    const roles = await t.db.query(`SELECT role FROM users ORDER BY role`);
    expect(roles.map((r: { role: string }) => r.role)).toEqual(['admin', 'coordinator', 'coordinator', 'innovator', 'municipality']);
  });

  it('gives the demo innovator activities in every status, visible through the API', async () => {
    const token = await t.factory.token({ email: 'coordinatore.bari@trama.test', password: t.config.demoPassword });
    const res = await t.http.get('/api/activities?pageSize=50').set('Authorization', `Bearer ${token}`).expect(200);
    const statuses = new Set(res.body.items.map((a: { status: string }) => a.status));
    expect(statuses).toEqual(new Set(['draft', 'submitted', 'returned', 'approved']));
    const molfetta = await t.factory.token({ email: 'comune.molfetta@trama.test', password: t.config.demoPassword });
    const seen = await t.http.get('/api/activities').set('Authorization', `Bearer ${molfetta}`).expect(200);
    expect(
      seen.body.items.map((a: { status: string; municipality: { istatCode: string } }) => [a.status, a.municipality.istatCode]),
    ).toEqual([['approved', '072029']]);
  });

  it('fills the organizations register in Bari, Molfetta and Giovinazzo, points inside their municipalities', async () => {
    const token = await t.factory.token({ email: 'coordinatore.bari@trama.test', password: t.config.demoPassword });
    const res = await t.http.get('/api/organizations?pageSize=100').set('Authorization', `Bearer ${token}`).expect(200);
    const perMunicipality = new Map<string, number>();
    for (const o of res.body.items as { municipality: { istatCode: string }; address: string | null; completeness: number }[]) {
      perMunicipality.set(o.municipality.istatCode, (perMunicipality.get(o.municipality.istatCode) ?? 0) + 1);
      expect(o.completeness).toBeGreaterThan(0);
    }
    for (const istat of ['072006', '072029', '072022']) expect(perMunicipality.get(istat)).toBeGreaterThanOrEqual(3);
    // the demo's tax codes pass the API's checksum, and its points lie inside their municipality
    const placed = await t.db.query(
      `SELECT o.name, o.lat, o.lon, m.boundary FROM organizations o JOIN municipalities m ON m.id = o.municipality_id WHERE o.lat IS NOT NULL`,
    );
    for (const p of placed) expect([p.name, pointInGeometry({ lat: p.lat, lon: p.lon }, p.boundary)]).toEqual([p.name, true]);
    const codes = await t.db.query(`SELECT tax_code FROM organizations WHERE tax_code IS NOT NULL`);
    for (const c of codes) expect([c.tax_code, isValidTaxCode(c.tax_code)]).toEqual([c.tax_code, true]);
  });

  it('gives Bari, Molfetta and Giovinazzo initiatives, each seen through the API by its own municipality', async () => {
    const token = await t.factory.token({ email: 'coordinatore.bari@trama.test', password: t.config.demoPassword });
    const res = await t.http.get('/api/initiatives?pageSize=50').set('Authorization', `Bearer ${token}`).expect(200);
    expect(res.body.total).toBe(5);
    const statuses = res.body.items.map((i: { status: string }) => i.status).sort();
    expect(statuses).toEqual(['completed', 'idea', 'planned', 'running', 'running']);
    expect(res.body.items.filter((i: { cup: string | null }) => i.cup).length).toBe(2);
    const molfetta = await t.factory.token({ email: 'comune.molfetta@trama.test', password: t.config.demoPassword });
    const seen = await t.http.get('/api/initiatives').set('Authorization', `Bearer ${molfetta}`).expect(200);
    for (const i of seen.body.items as { municipalities: { istatCode: string }[] }[]) {
      expect(i.municipalities.map((m) => m.istatCode)).toContain('072029');
    }
    expect(seen.body.total).toBe(2);
  });

  it('maps buildings in Bari, Molfetta and Giovinazzo: confiscated, assigned (one overdue), not placed; Molfetta sees its own', async () => {
    const token = await t.factory.token({ email: 'coordinatore.bari@trama.test', password: t.config.demoPassword });
    const auth = { Authorization: `Bearer ${token}` };
    const all = await t.http.get('/api/buildings?pageSize=100').set(auth).expect(200);
    expect(all.body.total).toBe(10);
    expect(new Set(all.body.items.map((b: { municipality: { istatCode: string } }) => b.municipality.istatCode))).toEqual(
      new Set(['072006', '072029', '072022']),
    );
    expect((await t.http.get('/api/buildings?confiscated=yes').set(auth).expect(200)).body.total).toBe(3);
    expect((await t.http.get('/api/buildings?placed=no').set(auth).expect(200)).body.total).toBeGreaterThanOrEqual(3);
    const expiring = await t.http.get('/api/buildings/expiring').set(auth).expect(200);
    expect(expiring.body.items.length).toBeGreaterThanOrEqual(3);
    expect(expiring.body.items.some((i: { overdue: boolean }) => i.overdue)).toBe(true);
    const history = await t.http.get(`/api/buildings/${expiring.body.items[0].id}/history`).set(auth).expect(200);
    expect(history.body.stages.map((s: { to: string }) => s.to)).toEqual(['mapped', 'assessed', 'planned', 'assigned']);
    const molfetta = await t.factory.token({ email: 'comune.molfetta@trama.test', password: t.config.demoPassword });
    const seen = await t.http.get('/api/buildings?pageSize=100').set('Authorization', `Bearer ${molfetta}`).expect(200);
    expect(seen.body.items.every((b: { municipality: { istatCode: string } }) => b.municipality.istatCode === '072029')).toBe(true);
    expect(seen.body.total).toBe(3);
  });

  it('gives the programme indicators targets and years of (illustrative) crimes reported per municipality, with drafts to validate', async () => {
    const perYear = await t.db.query(
      `SELECT x.istat_code AS tenant, v.period, count(*)::int AS n, round(1000 * sum(v.value) / sum(m.population), 1)::float8 AS rate
         FROM indicator_values v JOIN indicator_definitions d ON d.id = v.definition_id JOIN municipalities m ON m.id = v.municipality_id
         JOIN tenants x ON x.tenant_id = v.tenant_id
        WHERE d.code = 'crimes_reported' AND v.status = 'validated' GROUP BY 1, 2 ORDER BY 1, 2`,
    );
    expect(perYear.map((r: { tenant: string; period: string; n: number }) => [r.tenant, r.period, r.n])).toEqual([
      ['237', '2024', 55],
      ['237', '2025', 55],
      ['272', '2022', 41],
      ['272', '2023', 41],
      ['272', '2024', 41],
      ['272', '2025', 41],
    ]);
    for (const r of perYear) expect(r.rate).toBeGreaterThan(28);
    for (const r of perYear) expect(r.rate).toBeLessThan(50);
    const coordinator = await t.factory.token({ email: 'coordinatore.bari@trama.test', password: t.config.demoPassword });
    const queue = await t.http.get('/api/indicators/values/entries?status=draft').set('Authorization', `Bearer ${coordinator}`).expect(200);
    expect(queue.body.total).toBe(3);
    const definition = await t.http.get('/api/indicators/initiatives_realised').set('Authorization', `Bearer ${coordinator}`).expect(200);
    expect(definition.body.targets).toContainEqual({ year: 2026, territory: { kind: 'tenant', code: 'tenant', name: '' }, value: 30 });
    const crimes = await t.http.get('/api/indicators/crimes_reported').set('Authorization', `Bearer ${coordinator}`).expect(200);
    expect(crimes.body).toMatchObject({ baselineYear: 2022 });
    expect(crimes.body.baselineValue).toBeGreaterThan(30_000);
    const molfetta = await t.factory.token({ email: 'comune.molfetta@trama.test', password: t.config.demoPassword });
    const seen = await t.http.get('/api/indicators/values/entries?pageSize=200').set('Authorization', `Bearer ${molfetta}`).expect(200);
    expect(seen.body.total).toBe(5);
    expect(new Set(seen.body.items.map((v: { territory: { code: string } }) => v.territory.code))).toEqual(
      new Set(['municipality:072029']),
    );
    const populations = await t.db.query(`SELECT DISTINCT year FROM municipality_populations ORDER BY year`);
    expect(populations.map((p: { year: number }) => p.year)).toEqual([2021, 2026]);
  });

  it('is idempotent: a second start adds nothing', async () => {
    const count = `SELECT (SELECT count(*) FROM users) u, (SELECT count(*) FROM activities) a, (SELECT count(*) FROM municipalities) m,
                          (SELECT count(*) FROM buildings) b, (SELECT count(*) FROM initiatives) i, (SELECT count(*) FROM organizations) o,
                          (SELECT sum(version) FROM organizations) ov, (SELECT count(*) FROM indicator_values) iv,
                          (SELECT count(*) FROM indicator_targets) it, (SELECT sum(version) FROM indicator_definitions) idv`;
    const before = await t.db.query(count);
    await t.app.get(DemoSeeder).seed(() => undefined);
    const after = await t.db.query(count);
    expect(after).toEqual(before);
  });

  it('refuses to run in production', async () => {
    const seeder = t.app.get(DemoSeeder);
    const production = Object.create(seeder, { config: { value: { ...t.config, isProduction: true } } }) as DemoSeeder;
    await expect(production.seed(() => undefined)).rejects.toThrow(/never created in production/);
  });
  it('holds the funded projects of the real sheets: Bologna BO3.3.1.b with its progress, Bari 5.5.1.b as an idea', async () => {
    const bologna = await t.factory.token({ email: 'coordinatore.bologna@trama.test', password: t.config.demoPassword });
    const list = await t.http.get('/api/projects').set('Authorization', `Bearer ${bologna}`).expect(200);
    expect(list.body.items.map((p: { code: string }) => p.code)).toEqual(['BO3.3.1.b']);
    const detail = await t.http.get(`/api/projects/${list.body.items[0].id}`).set('Authorization', `Bearer ${bologna}`).expect(200);
    expect(detail.body).toMatchObject({
      title: 'Accelerazione civica e collaborazione civica tra PA, scuola e imprese – Azioni di supporto',
      programme: 'pon_metro',
      action: 'Azione 3.3.1',
      implementingBody: 'Comune di Bologna',
      cup: 'F39G16000350007',
      startDate: '2016-11-01',
      endDate: '2021-03-30',
      latestProgress: { programmed: 412248.84, admitted: 412248.84, committed: 412248.84, paid: 412248.83 },
    });
    expect(detail.body.progress.length).toBeGreaterThanOrEqual(3);
    const bari = await t.factory.token({ email: 'coordinatore.bari@trama.test', password: t.config.demoPassword });
    const bariList = await t.http.get('/api/projects').set('Authorization', `Bearer ${bari}`).expect(200);
    expect(bariList.body.items).toEqual([
      expect.objectContaining({
        title: "Istituzione della figura dell'innovatore metropolitano",
        cup: null,
        status: 'idea',
        expectedInvestment: 3500000,
        latestProgress: null,
      }),
    ]);
  });
});
