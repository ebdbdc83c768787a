import type { TenantRefDto } from '../../common/http/refs.dto';
import type { TerritoryRule } from '../../common/access/access-scope';
import { AccessService } from '../../common/access/access.service';
import type { TestTenant, TestUser } from '../../test/factories';
import { createTestApp, TestApp } from '../../test/test-app';
import { BARI, BOLOGNA, loadTestTenant, readTerritoryFile } from '../../test/territory-data';
import type {
  MunicipalityFeatureCollectionResponse,
  MunicipalityPageResponse,
  MunicipalityResponse,
  SocialAreaPageResponse,
  SocialAreaResponse,
} from './dto/territory-responses.dto';
import { TerritoryService } from './territory.service';

/**
 * The territory API over HTTP on the real Bari and Bologna territories, for every role:
 * admin, coordinator/innovator of Bari, a municipality user of Molfetta, a municipality user
 * scoped to a social area (Corato: Corato, Ruvo di Puglia, Terlizzi), a coordinator of Bologna,
 * and nobody.
 */
describe('territory API', () => {
  let t: TestApp;
  let bari: TestTenant;
  let bologna: TestTenant;
  const users: Record<string, TestUser> = {};
  const tokens: Record<string, string> = {};
  type Who = 'admin' | 'coordBari' | 'innovBari' | 'molfetta' | 'corato' | 'coordBologna' | 'nobody';

  function as(who: Who) {
    const auth = (req: ReturnType<TestApp['http']['get']>) => (who === 'nobody' ? req : req.set('Authorization', `Bearer ${tokens[who]}`));
    return {
      get: (url: string) => auth(t.http.get(url)),
      patch: (url: string, body: object) => auth(t.http.patch(url).send(body)),
      post: (url: string, body: object) => auth(t.http.post(url).send(body)),
    };
  }

  const csvRows = (file: string) =>
    readTerritoryFile(file)
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.split(','));
  const bariCsv = csvRows('bari-comuni.csv');
  const population = (codes: string[]) => bariCsv.filter((r) => codes.includes(r[0])).reduce((s, r) => s + Number(r[3]), 0);

  beforeAll(async () => {
    t = await createTestApp();
    users.admin = await t.factory.user({ role: 'admin' });
    tokens.admin = await t.factory.token(users.admin);
    for (const manifest of [BARI, BOLOGNA]) {
      const res = await as('admin').post('/api/territory/imports', manifest);
      if (res.status !== 200) throw new Error(`import of ${manifest.slug} failed: ${res.status} ${JSON.stringify(res.body)}`);
    }
    bari = await loadTestTenant(t.db, '272');
    bologna = await loadTestTenant(t.db, '237');
    users.coordBari = await t.factory.user({ role: 'coordinator', tenant: bari });
    users.innovBari = await t.factory.user({ role: 'innovator', tenant: bari, municipalities: ['072006', '072029'] });
    users.molfetta = await t.factory.user({ role: 'municipality', tenant: bari, scopeMunicipality: '072029' });
    users.corato = await t.factory.user({ role: 'municipality', tenant: bari, scopeSocialArea: 'ATS_BA_CORATO' });
    users.coordBologna = await t.factory.user({ role: 'coordinator', tenant: bologna });
    for (const who of ['coordBari', 'innovBari', 'molfetta', 'corato', 'coordBologna'] as const)
      tokens[who] = await t.factory.token(users[who]);
  });
  afterAll(() => t.close());

  describe('import of the reference territories', () => {
    it('has 41 municipalities in 12 social areas for Bari and 55 in 7 for Bologna', async () => {
      expect(Object.keys(bari.municipalities)).toHaveLength(41);
      expect(Object.keys(bari.socialAreas)).toHaveLength(12);
      expect(Object.keys(bologna.municipalities)).toHaveLength(55);
      expect(Object.keys(bologna.socialAreas)).toHaveLength(7);
      const bariPage = await as('admin').get('/api/municipalities?tenant=272&pageSize=200').expect(200);
      expect(bariPage.body.total).toBe(41);
      const bolognaAreas = await as('admin').get('/api/social-areas?tenant=237').expect(200);
      expect(bolognaAreas.body.total).toBe(7);
    });

    it('stores population with its year, boundaries and a bbox that holds the representative point', async () => {
      const rows: {
        istat_code: string;
        population: number;
        population_year: number;
        lat: number;
        lon: number;
        min_lon: number;
        min_lat: number;
        max_lon: number;
        max_lat: number;
        b: boolean;
        s: boolean;
      }[] = await t.db.query(
        `SELECT istat_code, population, population_year, lat, lon, min_lon, min_lat, max_lon, max_lat, boundary IS NOT NULL AS b, boundary_simplified IS NOT NULL AS s
             FROM municipalities WHERE tenant_id = $1`,
        [bari.id],
      );
      expect(rows).toHaveLength(41);
      for (const r of rows) {
        expect(r.population_year).toBe(2026);
        expect(r.b && r.s).toBe(true);
        expect(r.lon >= r.min_lon && r.lon <= r.max_lon && r.lat >= r.min_lat && r.lat <= r.max_lat).toBe(true);
        expect(r.population).toBe(Number(bariCsv.find((c) => c[0] === r.istat_code)![3]));
      }
    });
  });

  describe('GET /api/tenants', () => {
    it.each<[Who, string[]]>([
      ['admin', ['237', '272']],
      ['coordBari', ['272']],
      ['innovBari', ['272']],
      ['molfetta', ['272']],
      ['corato', ['272']],
      ['coordBologna', ['237']],
    ])('lists for %s: %j', async (who, codes) => {
      const res = await as(who).get('/api/tenants').expect(200);
      expect((res.body as TenantRefDto[]).map((x) => x.istatCode).sort()).toEqual(codes);
      expect(Object.keys(res.body[0]).sort()).toEqual(['id', 'istatCode', 'name']);
    });

    it('answers 401 without a token', async () => {
      await as('nobody').get('/api/tenants').expect(401);
    });
  });

  describe('GET /api/social-areas', () => {
    it('gives a Bari coordinator the 12 areas of Bari ordered by name, with counts and populations', async () => {
      const res = await as('coordBari').get('/api/social-areas?pageSize=200').expect(200);
      const page = res.body as SocialAreaPageResponse;
      expect(page.total).toBe(12);
      expect(page.items.map((a) => a.code).every((c) => c.startsWith('ATS_BA_'))).toBe(true);
      const names = page.items.map((a) => a.name);
      expect(names).toEqual([...names].sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : 1)));
      expect(page.items.find((a) => a.code === 'ATS_BA_MOLFETTA')).toEqual({
        code: 'ATS_BA_MOLFETTA',
        name: 'Ambito territoriale sociale di Molfetta',
        municipalityCount: 2,
        population: population(['072022', '072029']),
        version: 1,
      });
      expect(page.items.reduce((s, a) => s + a.municipalityCount, 0)).toBe(41);
      expect(page.items.reduce((s, a) => s + a.population, 0)).toBe(population(bariCsv.map((r) => r[0])));
    });

    it('paginates', async () => {
      const first = await as('coordBari').get('/api/social-areas?page=1&pageSize=5').expect(200);
      const third = await as('coordBari').get('/api/social-areas?page=3&pageSize=5').expect(200);
      expect(first.body).toMatchObject({ total: 12, page: 1, pageSize: 5 });
      expect(first.body.items).toHaveLength(5);
      expect(third.body.items).toHaveLength(2);
    });

    it('gives an innovator the whole tenant', async () => {
      const res = await as('innovBari').get('/api/social-areas?pageSize=200').expect(200);
      expect(res.body.total).toBe(12);
    });

    it('gives the Molfetta user only Molfetta’s area, counting only Molfetta', async () => {
      const res = await as('molfetta').get('/api/social-areas').expect(200);
      expect(res.body.total).toBe(1);
      expect(res.body.items).toEqual([
        expect.objectContaining({ code: 'ATS_BA_MOLFETTA', municipalityCount: 1, population: population(['072029']) }),
      ]);
    });

    it('gives a user scoped to a social area only that area', async () => {
      const res = await as('corato').get('/api/social-areas').expect(200);
      expect(res.body.items).toEqual([
        expect.objectContaining({ code: 'ATS_BA_CORATO', municipalityCount: 3, population: population(['072020', '072038', '072043']) }),
      ]);
    });

    it('gives a Bologna coordinator the 7 districts of Bologna and nothing of Bari', async () => {
      const res = await as('coordBologna').get('/api/social-areas?pageSize=200').expect(200);
      expect(res.body.total).toBe(7);
      expect(res.body.items.every((a: SocialAreaResponse) => a.code.startsWith('DSS_BO_'))).toBe(true);
      // asking for Bari's tenant filters to nothing rather than widening the scope
      const other = await as('coordBologna').get('/api/social-areas?tenant=272').expect(200);
      expect(other.body).toMatchObject({ total: 0, items: [] });
    });

    it('gives an admin every tenant, or one with ?tenant', async () => {
      expect((await as('admin').get('/api/social-areas?pageSize=200').expect(200)).body.total).toBe(19);
      expect((await as('admin').get('/api/social-areas?tenant=272').expect(200)).body.total).toBe(12);
    });

    it('answers 401 without a token', async () => {
      await as('nobody').get('/api/social-areas').expect(401);
    });

    it.each(['pageSize=500', 'pageSize=0', 'page=0', 'foo=1', 'tenant=27'])('rejects ?%s with 400', async (query) => {
      const res = await as('coordBari').get(`/api/social-areas?${query}`).expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
    });
  });

  describe('GET /api/social-areas/:code', () => {
    it.each<[Who, string, number]>([
      ['admin', 'ATS_BA_MOLFETTA', 200],
      ['coordBari', 'ATS_BA_MOLFETTA', 200],
      ['innovBari', 'ATS_BA_BARI', 200],
      ['molfetta', 'ATS_BA_MOLFETTA', 200],
      ['molfetta', 'ATS_BA_BARI', 404],
      ['corato', 'ATS_BA_CORATO', 200],
      ['corato', 'ATS_BA_MOLFETTA', 404],
      ['coordBologna', 'ATS_BA_MOLFETTA', 404],
      ['coordBologna', 'DSS_BO_CITTA_DI_BOLOGNA', 200],
      ['coordBari', 'ATS_BA_NOWHERE', 404],
      ['nobody', 'ATS_BA_MOLFETTA', 401],
    ])('%s asking for %s gets %i', async (who, code, status) => {
      const res = await as(who).get(`/api/social-areas/${code}`).expect(status);
      if (status === 200) expect(res.body.code).toBe(code);
      if (status === 404) expect(res.body).toMatchObject({ statusCode: 404, code: 'SOCIAL_AREA_NOT_FOUND' });
    });

    it('counts only what a restricted user may see', async () => {
      const res = await as('molfetta').get('/api/social-areas/ATS_BA_MOLFETTA').expect(200);
      expect(res.body).toMatchObject({ municipalityCount: 1, population: population(['072029']) });
    });

    it('rejects a malformed code with 400', async () => {
      await as('coordBari').get('/api/social-areas/bad%20code!').expect(400);
    });
  });

  describe('GET /api/municipalities', () => {
    it('gives a Bari coordinator exactly the 41 municipalities of Bari with pageSize=200, ordered by name', async () => {
      const res = await as('coordBari').get('/api/municipalities?pageSize=200').expect(200);
      const page = res.body as MunicipalityPageResponse;
      expect(page).toMatchObject({ total: 41, page: 1, pageSize: 200 });
      expect(page.items).toHaveLength(41);
      expect(new Set(page.items.map((m) => m.istatCode))).toEqual(new Set(bariCsv.map((r) => r[0])));
      expect(page.items.every((m) => m.tenant.istatCode === '272')).toBe(true);
      const names = page.items.map((m) => m.name.toLowerCase());
      expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
      expect(page.items.find((m) => m.istatCode === '072006')).toEqual({
        istatCode: '072006',
        name: 'Bari',
        population: 319069,
        populationYear: 2026,
        areaKm2: Number(bariCsv.find((r) => r[0] === '072006')![4]),
        lat: Number(bariCsv.find((r) => r[0] === '072006')![5]),
        lon: Number(bariCsv.find((r) => r[0] === '072006')![6]),
        socialArea: { code: 'ATS_BA_BARI', name: 'Ambito territoriale sociale di Bari' },
        tenant: { id: bari.id, istatCode: '272', name: BARI.name },
        version: 1,
      });
    });

    it('gives a Bologna coordinator the 55 of Bologna and never one of Bari', async () => {
      const res = await as('coordBologna').get('/api/municipalities?pageSize=200').expect(200);
      expect(res.body.total).toBe(55);
      expect(res.body.items.every((m: MunicipalityResponse) => m.tenant.istatCode === '237' && m.istatCode.startsWith('037'))).toBe(true);
      const search = await as('coordBologna').get('/api/municipalities?q=Molfetta').expect(200);
      expect(search.body.total).toBe(0);
      const baricella = await as('coordBologna').get('/api/municipalities?q=Bari').expect(200);
      expect(baricella.body.items.map((m: MunicipalityResponse) => m.name)).toEqual(['Baricella']);
    });

    it('gives the innovator the whole tenant (reading is not limited to the assignment)', async () => {
      expect((await as('innovBari').get('/api/municipalities?pageSize=200').expect(200)).body.total).toBe(41);
    });

    it('gives the Molfetta user only Molfetta', async () => {
      const res = await as('molfetta').get('/api/municipalities?pageSize=200').expect(200);
      expect(res.body.total).toBe(1);
      expect(res.body.items.map((m: MunicipalityResponse) => m.istatCode)).toEqual(['072029']);
    });

    it('gives the user of a social area its municipalities', async () => {
      const res = await as('corato').get('/api/municipalities').expect(200);
      expect(res.body.items.map((m: MunicipalityResponse) => m.name)).toEqual(['Corato', 'Ruvo di Puglia', 'Terlizzi']);
    });

    it('gives an admin all 96, or one tenant with ?tenant', async () => {
      expect((await as('admin').get('/api/municipalities?pageSize=200').expect(200)).body.total).toBe(96);
      expect((await as('admin').get('/api/municipalities?pageSize=200&tenant=237').expect(200)).body.total).toBe(55);
    });

    it('filters by social area', async () => {
      const res = await as('coordBari').get('/api/municipalities?socialArea=ATS_BA_MOLFETTA').expect(200);
      expect(res.body.items.map((m: MunicipalityResponse) => m.name)).toEqual(['Giovinazzo', 'Molfetta']);
      const outside = await as('molfetta').get('/api/municipalities?socialArea=ATS_BA_BARI').expect(200);
      expect(outside.body.total).toBe(0);
    });

    it('searches names ignoring case and accents, and ISTAT code prefixes', async () => {
      const byName = await as('coordBari')
        .get(`/api/municipalities?q=${encodeURIComponent('MÒLFETTA')}`)
        .expect(200);
      expect(byName.body.items.map((m: MunicipalityResponse) => m.istatCode)).toEqual(['072029']);
      const part = await as('coordBari').get('/api/municipalities?q=di%20bari').expect(200);
      const diBari = bariCsv.map((r) => r[1]).filter((n) => n.toLowerCase().includes('di bari'));
      expect(diBari.length).toBeGreaterThan(1);
      expect(part.body.items.map((m: MunicipalityResponse) => m.name)).toEqual(
        diBari.sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : 1)),
      );
      const code = await as('coordBari').get('/api/municipalities?q=07200').expect(200);
      expect(code.body.items.map((m: MunicipalityResponse) => m.istatCode).sort()).toEqual(
        bariCsv.map((r) => r[0]).filter((c) => c.startsWith('07200')),
      );
      const wildcard = await as('coordBari').get('/api/municipalities?q=%25').expect(200);
      expect(wildcard.body.total).toBe(0);
    });

    it('finds a stored accented name from an unaccented query', async () => {
      await t.db.query(`UPDATE municipalities SET name = 'Turì' WHERE tenant_id = $1 AND istat_code = '072047'`, [bari.id]);
      try {
        const res = await as('coordBari').get('/api/municipalities?q=turi').expect(200);
        expect(res.body.items.map((m: MunicipalityResponse) => m.name)).toEqual(['Turì']);
      } finally {
        await t.db.query(`UPDATE municipalities SET name = 'Turi' WHERE tenant_id = $1 AND istat_code = '072047'`, [bari.id]);
      }
    });

    it('answers 401 without a token', async () => {
      await as('nobody').get('/api/municipalities').expect(401);
    });

    it.each(['pageSize=500', 'pageSize=abc', 'foo=bar', 'socialArea=bad%20code', `q=${'x'.repeat(101)}`, 'q=a&q=b'])(
      'rejects ?%s with 400',
      async (query) => {
        const res = await as('coordBari').get(`/api/municipalities?${query}`).expect(400);
        expect(res.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
      },
    );
  });

  describe('GET /api/municipalities/:istatCode', () => {
    it.each<[Who, string, number]>([
      ['admin', '072006', 200],
      ['admin', '037006', 200],
      ['coordBari', '072006', 200],
      ['innovBari', '072043', 200],
      ['molfetta', '072029', 200],
      ['molfetta', '072006', 404],
      ['corato', '072038', 200],
      ['corato', '072029', 404],
      ['coordBologna', '072006', 404],
      ['coordBologna', '037006', 200],
      ['coordBari', '037006', 404],
      ['coordBari', '072999', 404],
      ['nobody', '072006', 401],
    ])('%s asking for %s gets %i', async (who, code, status) => {
      const res = await as(who).get(`/api/municipalities/${code}`).expect(status);
      if (status === 200) expect(res.body.istatCode).toBe(code);
      if (status === 404)
        expect(res.body).toEqual({
          statusCode: 404,
          error: 'Not Found',
          code: 'MUNICIPALITY_NOT_FOUND',
          message: 'Municipality not found',
        });
    });

    it.each(['72006', '0720066', 'abcdef', '07200a'])('rejects the malformed code %s with 400', async (code) => {
      const res = await as('coordBari').get(`/api/municipalities/${code}`).expect(400);
      expect(res.body.details).toEqual([expect.objectContaining({ field: 'istatCode' })]);
    });
  });

  describe('GET /api/map/municipalities', () => {
    type Layer = MunicipalityFeatureCollectionResponse;
    const codes = (layer: Layer) => layer.features.map((f) => f.properties.istatCode).sort();

    it('gives a Bari coordinator the 41 simplified boundaries with properties and a private cache header', async () => {
      const res = await as('coordBari').get('/api/map/municipalities').expect(200);
      expect(res.headers['cache-control']).toBe('private, max-age=300');
      expect(res.headers['content-type']).toMatch(/json/);
      const layer = res.body as Layer;
      expect(layer.type).toBe('FeatureCollection');
      expect(layer.features).toHaveLength(41);
      const molfetta = layer.features.find((f) => f.id === '072029')!;
      expect(molfetta.type).toBe('Feature');
      expect(molfetta.properties).toEqual({
        istatCode: '072029',
        name: 'Molfetta',
        population: population(['072029']),
        socialAreaCode: 'ATS_BA_MOLFETTA',
        socialAreaName: 'Ambito territoriale sociale di Molfetta',
      });
      const [stored] = await t.db.query(
        `SELECT boundary_simplified AS s FROM municipalities WHERE tenant_id = $1 AND istat_code = '072029'`,
        [bari.id],
      );
      expect(molfetta.geometry).toEqual(stored.s);
      expect(molfetta.geometry!.type).toBe('MultiPolygon');
    });

    it('keeps only the municipalities whose bbox meets the requested one', async () => {
      // a small box around Bari's centre
      const res = await as('coordBari').get('/api/map/municipalities?bbox=16.86,41.11,16.88,41.12').expect(200);
      const inBox = codes(res.body);
      expect(inBox).toContain('072006');
      expect(inBox.length).toBeLessThan(10);
      const expected: { istat_code: string }[] = await t.db.query(
        `SELECT istat_code FROM municipalities WHERE tenant_id = $1 AND max_lon >= 16.86 AND min_lon <= 16.88 AND max_lat >= 41.11 AND min_lat <= 41.12 ORDER BY 1`,
        [bari.id],
      );
      expect(inBox).toEqual(expected.map((e) => e.istat_code));
      // the sea north of Bari: nothing
      const sea = await as('coordBari').get('/api/map/municipalities?bbox=17.2,41.5,17.3,41.6').expect(200);
      expect(sea.body.features).toEqual([]);
    });

    it('filters by social area', async () => {
      const res = await as('coordBari').get('/api/map/municipalities?socialArea=ATS_BA_CORATO').expect(200);
      expect(codes(res.body)).toEqual(['072020', '072038', '072043']);
    });

    it.each<[Who, number]>([
      ['admin', 96],
      ['innovBari', 41],
      ['molfetta', 1],
      ['corato', 3],
      ['coordBologna', 55],
    ])('gives %s %i features', async (who, count) => {
      const res = await as(who).get('/api/map/municipalities').expect(200);
      expect(res.body.features).toHaveLength(count);
    });

    it('gives a Bologna coordinator nothing in a bbox over Bari', async () => {
      const res = await as('coordBologna').get('/api/map/municipalities?bbox=16.5,40.8,17.2,41.3').expect(200);
      expect(res.body.features).toEqual([]);
    });

    it('answers 401 without a token', async () => {
      await as('nobody').get('/api/map/municipalities').expect(401);
    });

    it.each(['bbox=1,2,3', 'bbox=a,b,c,d', 'bbox=17,41,16,42', 'bbox=16,41,17,95', 'bbox=', 'zoom=3'])(
      'rejects ?%s with 400',
      async (query) => {
        const res = await as('coordBari').get(`/api/map/municipalities?${query}`).expect(400);
        expect(res.body.code).toBe('VALIDATION_FAILED');
      },
    );
  });

  describe('PATCH /api/municipalities/:istatCode', () => {
    const auditRows = (municipalityId: string) =>
      t.db.query(
        `SELECT tenant_id, actor_id, actor_role, action, before, after FROM audit_log WHERE entity = 'municipality' AND entity_id = $1 ORDER BY id`,
        [municipalityId],
      );
    const stored = async (istatCode: string) => {
      const [row] = await t.db.query(
        `SELECT sa.code, m.version FROM municipalities m LEFT JOIN social_areas sa ON sa.id = m.social_area_id WHERE m.istat_code = $1`,
        [istatCode],
      );
      return row as { code: string; version: number };
    };

    it('lets a Bari coordinator move Molfetta to another social area, audited with before and after', async () => {
      const res = await as('coordBari').patch('/api/municipalities/072029', { version: 1, socialArea: 'ATS_BA_CORATO' }).expect(200);
      expect(res.body).toMatchObject({
        istatCode: '072029',
        version: 2,
        socialArea: { code: 'ATS_BA_CORATO', name: 'Ambito territoriale sociale di Corato' },
      });
      expect(await stored('072029')).toEqual({ code: 'ATS_BA_CORATO', version: 2 });
      expect(await auditRows(bari.municipalities['072029'])).toEqual([
        {
          tenant_id: bari.id,
          actor_id: users.coordBari.id,
          actor_role: 'coordinator',
          action: 'update',
          before: { istatCode: '072029', socialArea: 'ATS_BA_MOLFETTA', version: 1 },
          after: { istatCode: '072029', socialArea: 'ATS_BA_CORATO', version: 2 },
        },
      ]);
      // the social-area user's territory follows the membership
      const corato = await as('corato').get('/api/municipalities').expect(200);
      expect(corato.body.items.map((m: MunicipalityResponse) => m.istatCode)).toEqual(['072020', '072029', '072038', '072043']);
      const areas = await as('coordBari').get('/api/social-areas/ATS_BA_MOLFETTA').expect(200);
      expect(areas.body.municipalityCount).toBe(1);
    });

    it('rejects a stale version with 409 and changes nothing', async () => {
      const res = await as('coordBari').patch('/api/municipalities/072029', { version: 1, socialArea: 'ATS_BA_BARI' }).expect(409);
      expect(res.body.code).toBe('MUNICIPALITY_STALE_VERSION');
      expect(await stored('072029')).toEqual({ code: 'ATS_BA_CORATO', version: 2 });
      expect(await auditRows(bari.municipalities['072029'])).toHaveLength(1);
    });

    it.each<[Who, number]>([
      ['innovBari', 403],
      ['molfetta', 403],
      ['corato', 403],
      ['coordBologna', 404],
      ['nobody', 401],
    ])('refuses %s with %i and changes nothing', async (who, status) => {
      await as(who).patch('/api/municipalities/072029', { version: 2, socialArea: 'ATS_BA_MOLFETTA' }).expect(status);
      expect(await stored('072029')).toEqual({ code: 'ATS_BA_CORATO', version: 2 });
      expect(await auditRows(bari.municipalities['072029'])).toHaveLength(1);
    });

    it('refuses a social area of another tenant with 400', async () => {
      const res = await as('coordBari')
        .patch('/api/municipalities/072029', { version: 2, socialArea: 'DSS_BO_CITTA_DI_BOLOGNA' })
        .expect(400);
      expect(res.body).toMatchObject({ code: 'SOCIAL_AREA_UNKNOWN', details: [{ field: 'socialArea', messages: [expect.any(String)] }] });
      const admin = await as('admin')
        .patch('/api/municipalities/072029', { version: 2, socialArea: 'DSS_BO_CITTA_DI_BOLOGNA' })
        .expect(400);
      expect(admin.body.code).toBe('SOCIAL_AREA_UNKNOWN');
      expect(await stored('072029')).toEqual({ code: 'ATS_BA_CORATO', version: 2 });
    });

    it.each([
      [{ socialArea: 'ATS_BA_MOLFETTA' }, 'version'],
      [{ version: 2 }, 'socialArea'],
      [{ version: '2', socialArea: 'ATS_BA_MOLFETTA' }, 'version'],
      [{ version: 2, socialArea: 'ATS_BA_MOLFETTA', name: 'Molfetta 2' }, 'name'],
      [{ version: 2, socialArea: 'ATS_BA_MOLFETTA', tenant: '237' }, 'tenant'],
    ])('rejects the body %j with 400 naming %s', async (body, field) => {
      const res = await as('coordBari').patch('/api/municipalities/072029', body).expect(400);
      expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
    });

    it('rejects a malformed ISTAT code with 400', async () => {
      await as('coordBari').patch('/api/municipalities/72029', { version: 2, socialArea: 'ATS_BA_MOLFETTA' }).expect(400);
    });

    it('lets an admin move it back', async () => {
      const res = await as('admin').patch('/api/municipalities/072029', { version: 2, socialArea: 'ATS_BA_MOLFETTA' }).expect(200);
      expect(res.body).toMatchObject({ version: 3, socialArea: { code: 'ATS_BA_MOLFETTA' } });
      const audit = await auditRows(bari.municipalities['072029']);
      expect(audit).toHaveLength(2);
      expect(audit[1]).toMatchObject({
        tenant_id: bari.id,
        actor_id: users.admin.id,
        actor_role: 'admin',
        after: { socialArea: 'ATS_BA_MOLFETTA', version: 3 },
      });
    });

    it('accepts a move to the current area without a new version or audit entry', async () => {
      const res = await as('coordBari').patch('/api/municipalities/072029', { version: 3, socialArea: 'ATS_BA_MOLFETTA' }).expect(200);
      expect(res.body.version).toBe(3);
      expect(await auditRows(bari.municipalities['072029'])).toHaveLength(2);
    });
  });

  describe('findMunicipalityAt', () => {
    const at = async (who: Exclude<Who, 'nobody'>, lat: number, lon: number, rule: TerritoryRule = 'visible') => {
      const scope = await t.app.get(AccessService).scopeFor(users[who].id);
      const hit = await t.app.get(TerritoryService).findMunicipalityAt(scope!, { lat, lon }, rule);
      return hit?.istatCode ?? null;
    };

    it('finds Bari for its city centre, within the caller’s scope only', async () => {
      expect(await at('coordBari', 41.1177, 16.8719)).toBe('072006');
      expect(await at('admin', 41.1177, 16.8719)).toBe('072006');
      expect(await at('molfetta', 41.1177, 16.8719)).toBeNull();
      expect(await at('coordBologna', 41.1177, 16.8719)).toBeNull();
      expect(await at('coordBologna', 44.4938, 11.3426)).toBe('037006');
    });

    it('finds no municipality in the enclave of Matera inside Altamura, and Altamura around it', async () => {
      expect(await at('coordBari', 40.754018, 16.640656)).toBeNull();
      expect(await at('coordBari', 40.861108, 16.547775)).toBe('072004');
    });

    it('limits an innovator to the assigned municipalities with the `assigned` rule', async () => {
      expect(await at('innovBari', 41.1177, 16.8719, 'assigned')).toBe('072006');
      expect(await at('innovBari', 40.861108, 16.547775, 'assigned')).toBeNull();
      expect(await at('innovBari', 40.861108, 16.547775)).toBe('072004');
    });

    it('finds an exclave of Acquaviva delle Fonti', async () => {
      expect(await at('coordBari', 40.774374, 16.82694)).toBe('072001');
    });
  });
});
