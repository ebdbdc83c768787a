import { AuditService } from '../../common/audit/audit.service';
import type { TestUser } from '../../test/factories';
import { createTestApp, TestApp } from '../../test/test-app';
import { BARI, BOLOGNA, loadTestTenant, TerritoryCopy } from '../../test/territory-data';

/**
 * The territory import over HTTP (POST /api/territory/imports, admins), on a copy of the
 * reference files that some tests corrupt: a bad file is rejected with the file and line or
 * feature named, and nothing is written.
 */
describe('territory import', () => {
  const copy = new TerritoryCopy();
  let t: TestApp;
  let admin: TestUser;
  let adminToken: string;

  const importAs = (token: string | null, body: object) => {
    const req = t.http.post('/api/territory/imports').send(body);
    return token ? req.set('Authorization', `Bearer ${token}`) : req;
  };

  /** Row counts of every table an import writes (audit: the territory's entries, not sign-ins). */
  const counts = async () => {
    const [row] = await t.db
      .query(`SELECT (SELECT count(*)::int FROM tenants) AS tenants, (SELECT count(*)::int FROM social_areas) AS "socialAreas",
                                           (SELECT count(*)::int FROM municipalities) AS municipalities, (SELECT count(*)::int FROM audit_log WHERE entity IN ('tenant', 'social_area', 'municipality')) AS audit`);
    return row as { tenants: number; socialAreas: number; municipalities: number; audit: number };
  };

  const municipality = async (istatCode: string) => {
    const [row] = await t.db.query(
      `SELECT m.name, m.population, m.version, m.min_lon, m.min_lat, m.max_lon, m.max_lat, sa.code AS "socialArea"
         FROM municipalities m LEFT JOIN social_areas sa ON sa.id = m.social_area_id WHERE m.istat_code = $1`,
      [istatCode],
    );
    return row;
  };

  /** Replaces cell `column` of line `line` (only for the leading, unquoted columns). */
  const setCell = (file: string, line: number, column: number, value: string) =>
    copy.editLine(file, line, (l) => {
      const cells = l.split(',');
      cells[column] = value;
      return cells.join(',');
    });

  beforeAll(async () => {
    t = await createTestApp({ TRAMA_TERRITORY_DIR: copy.dir });
    admin = await t.factory.user({ role: 'admin' });
    adminToken = await t.factory.token(admin);
  });
  afterAll(async () => {
    await t.close();
    copy.remove();
  });

  describe('rejected files write nothing', () => {
    afterEach(() => {
      for (const suffix of ['-comuni.csv', '-social-areas.csv', '-comuni.geojson', '-comuni.simplified.geojson'])
        copy.restore(`bologna${suffix}`);
    });

    it('rejects a row with a bad population, naming the file and the line', async () => {
      setCell('bologna-comuni.csv', 10, 3, 'twelve');
      const res = await importAs(adminToken, BOLOGNA).expect(400);
      expect(res.body).toMatchObject({ statusCode: 400, code: 'TERRITORY_IMPORT_INVALID' });
      expect(res.body.message).toMatch(/bologna-comuni\.csv line 10 \(istat_code 037\d{3}\): population "twelve" is not an integer ≥ 0/);
      expect(res.body.message).toContain('nothing was written');
      expect(res.body.details).toEqual([
        {
          field: expect.stringContaining('bologna-comuni.csv line 10'),
          messages: [expect.stringContaining('population')],
          codes: ['TERRITORY_IMPORT_INVALID'],
        },
      ]);
      expect(await counts()).toEqual({ tenants: 0, socialAreas: 0, municipalities: 0, audit: 0 });
    });

    it('rejects a feature that is not a polygon, naming the file and the feature index', async () => {
      copy.editGeoJson('bologna-comuni.geojson', (fc) => {
        fc.features[5].geometry = {
          type: 'LineString',
          coordinates: [
            [11, 44],
            [11.1, 44.1],
          ],
        };
      });
      const res = await importAs(adminToken, BOLOGNA).expect(400);
      expect(res.body.message).toMatch(
        /bologna-comuni\.geojson features\[5\] \(istat_code 037\d{3}\): geometry type "LineString" is not Polygon or MultiPolygon/,
      );
      expect(await counts()).toEqual({ tenants: 0, socialAreas: 0, municipalities: 0, audit: 0 });
    });

    it('rejects a municipality in an unknown social area', async () => {
      copy.editLine('bologna-comuni.csv', 3, (l) => l.replace(/DSS_BO_[A-Z_]+/, 'DSS_BO_NOWHERE'));
      const res = await importAs(adminToken, BOLOGNA).expect(400);
      expect(res.body.message).toMatch(
        /bologna-comuni\.csv line 3 \(istat_code 037\d{3}\): social_area_code "DSS_BO_NOWHERE" is not in bologna-social-areas\.csv/,
      );
      expect(await counts()).toEqual({ tenants: 0, socialAreas: 0, municipalities: 0, audit: 0 });
    });

    it('rolls everything back when a write fails midway (one transaction)', async () => {
      const audit = jest.spyOn(t.app.get(AuditService), 'record').mockRejectedValueOnce(new Error('disk full'));
      try {
        await importAs(adminToken, BOLOGNA).expect(500);
      } finally {
        audit.mockRestore();
      }
      expect(await counts()).toEqual({ tenants: 0, socialAreas: 0, municipalities: 0, audit: 0 });
    });

    it('rejects missing files and a bad manifest', async () => {
      const missing = await importAs(adminToken, { istatCode: '215', name: 'Città Metropolitana di Milano', slug: 'milano' }).expect(400);
      expect(missing.body.message).toContain(
        'milano-comuni.csv, milano-social-areas.csv, milano-comuni.geojson, milano-comuni.simplified.geojson not found',
      );
      const province = await importAs(adminToken, { ...BOLOGNA, istatCode: '238' }).expect(400);
      expect(province.body.message).toContain('istat_code 037001 is not in province 038');
      const low = await importAs(adminToken, { ...BOLOGNA, istatCode: '037' }).expect(400);
      expect(low.body.message).toContain('must be 3 digits above 200');
      const slug = await importAs(adminToken, { ...BOLOGNA, slug: '../bologna' }).expect(400);
      expect(slug.body.code).toBe('VALIDATION_FAILED');
      expect(await counts()).toEqual({ tenants: 0, socialAreas: 0, municipalities: 0, audit: 0 });
    });
  });

  describe('the reference files', () => {
    it('imports Bari: 41 municipalities in 12 social areas, audited, in well under a second', async () => {
      const started = Date.now();
      const res = await importAs(adminToken, BARI).expect(200);
      const elapsed = Date.now() - started;
      expect(res.body).toMatchObject({
        created: true,
        socialAreas: 12,
        municipalities: 41,
        socialAreasCreated: 12,
        socialAreasUpdated: 0,
        municipalitiesCreated: 41,
        municipalitiesUpdated: 0,
        municipalitiesUnchanged: 0,
        membershipsKept: [],
        populationYear: 2026,
        warnings: [],
      });
      console.log(`Bari import: ${res.body.durationMs} ms in the service, ${elapsed} ms over HTTP`);
      expect(elapsed).toBeLessThan(1500);
      expect(await counts()).toMatchObject({ tenants: 1, socialAreas: 12, municipalities: 41 });
      const audit = await t.db.query(
        `SELECT tenant_id, actor_id, actor_role, entity_id, before, after FROM audit_log WHERE entity = 'tenant' AND action = 'import'`,
      );
      expect(audit).toEqual([
        {
          tenant_id: res.body.tenantId,
          actor_id: admin.id,
          actor_role: 'admin',
          entity_id: res.body.tenantId,
          before: null,
          after: expect.objectContaining({ istatCode: '272', slug: 'bari', municipalitiesCreated: 41, socialAreasCreated: 12 }),
        },
      ]);
    });

    it("writes the population of both years (the file's 2026, ISTAT 2021 of population-sources.csv) and the default indicators", async () => {
      const [bari] = await t.db.query(`SELECT tenant_id AS id FROM tenants WHERE istat_code = '272'`);
      const years = await t.db.query(
        `SELECT year, count(*)::int AS n, sum(population)::int AS total FROM municipality_populations WHERE tenant_id = $1 GROUP BY year ORDER BY year`,
        [bari.id],
      );
      expect(years.map((y: { year: number; n: number }) => [y.year, y.n])).toEqual([
        [2021, 41],
        [2026, 41],
      ]);
      const [altamura] = await t.db.query(
        `SELECT array_agg(p.population ORDER BY p.year) AS figures FROM municipality_populations p
           JOIN municipalities m ON m.id = p.municipality_id WHERE m.istat_code = '072004'`,
      );
      expect(altamura.figures).toEqual([69818, 70566]);
      const codes = await t.db.query(`SELECT code FROM indicator_definitions WHERE tenant_id = $1`, [bari.id]);
      expect(codes.map((c: { code: string }) => c.code)).toEqual(
        expect.arrayContaining(['community_managers_hired', 'initiatives_realised', 'crimes_reported', 'buildings_mapped']),
      );
    });

    it('computes the neighbouring municipalities from the boundaries (the collaboration model)', async () => {
      const rows: { a: string; b: string }[] = await t.db.query(
        `SELECT ma.name AS a, mb.name AS b FROM municipality_neighbours n
           JOIN municipalities ma ON ma.id = n.municipality_id JOIN municipalities mb ON mb.id = n.neighbour_id
          WHERE ma.name IN ('Molfetta', 'Giovinazzo', 'Bari')`,
      );
      const of = (name: string) =>
        rows
          .filter((r) => r.a === name)
          .map((r) => r.b)
          .sort();
      expect(of('Molfetta')).toEqual(expect.arrayContaining(['Giovinazzo', 'Terlizzi'])); // Bisceglie is in another province
      expect(of('Molfetta')).not.toContain('Bari');
      expect(of('Giovinazzo')).toEqual(expect.arrayContaining(['Bari', 'Molfetta']));
      // both directions
      expect(of('Bari')).toContain('Giovinazzo');
    });

    it('imports Bologna: 55 municipalities in 7 social areas', async () => {
      const res = await importAs(adminToken, BOLOGNA).expect(200);
      expect(res.body).toMatchObject({ created: true, socialAreas: 7, municipalities: 55, municipalitiesCreated: 55 });
      const bologna = await loadTestTenant(t.db, '237');
      expect(Object.keys(bologna.municipalities)).toHaveLength(55);
      expect(Object.keys(bologna.socialAreas)).toHaveLength(7);
      expect(await counts()).toMatchObject({ tenants: 2, socialAreas: 19, municipalities: 96 });
    });

    it('re-imports Bari idempotently: nothing created or changed, versions kept', async () => {
      const before = await counts();
      const res = await importAs(adminToken, BARI).expect(200);
      expect(res.body).toMatchObject({
        created: false,
        socialAreasCreated: 0,
        socialAreasUpdated: 0,
        municipalitiesCreated: 0,
        municipalitiesUpdated: 0,
        municipalitiesUnchanged: 41,
      });
      expect(await counts()).toEqual({ ...before, audit: before.audit + 1 });
      const versions = await t.db.query(
        `SELECT DISTINCT m.version FROM municipalities m JOIN tenants t ON t.tenant_id = m.tenant_id WHERE t.istat_code = '272'`,
      );
      expect(versions).toEqual([{ version: 1 }]);
    });

    it('updates names, population and boundaries (and the bbox) of a re-imported municipality', async () => {
      setCell('bari-comuni.csv', 25, 1, 'Molfetta città');
      setCell('bari-comuni.csv', 25, 3, '60001');
      copy.editGeoJson('bari-comuni.geojson', (fc) => {
        const molfetta = fc.features.find((f) => f.properties.istat_code === '072029')!;
        molfetta.properties.name = 'Molfetta città';
        molfetta.geometry = {
          type: 'Polygon',
          coordinates: [
            [
              [16.5, 41.1],
              [16.7, 41.1],
              [16.7, 41.3],
              [16.5, 41.3],
              [16.5, 41.1],
            ],
          ],
        };
      });
      copy.editGeoJson('bari-comuni.simplified.geojson', (fc) => {
        fc.features.find((f) => f.properties.istat_code === '072029')!.properties.name = 'Molfetta città';
      });
      try {
        const res = await importAs(adminToken, BARI).expect(200);
        expect(res.body).toMatchObject({ municipalitiesCreated: 0, municipalitiesUpdated: 1, municipalitiesUnchanged: 40 });
        expect(await municipality('072029')).toEqual({
          name: 'Molfetta città',
          population: 60001,
          version: 2,
          min_lon: 16.5,
          min_lat: 41.1,
          max_lon: 16.7,
          max_lat: 41.3,
          socialArea: 'ATS_BA_MOLFETTA',
        });
        expect((await municipality('072022')).version).toBe(1);
      } finally {
        for (const f of ['bari-comuni.csv', 'bari-comuni.geojson', 'bari-comuni.simplified.geojson']) copy.restore(f);
      }
      const back = await importAs(adminToken, BARI).expect(200);
      expect(back.body.municipalitiesUpdated).toBe(1);
      expect(await municipality('072029')).toMatchObject({ name: 'Molfetta', version: 3 });
    });

    it('rejects a broken re-import and keeps the tenant exactly as it was', async () => {
      const before = await counts();
      setCell('bari-comuni.csv', 25, 3, '99999'); // a valid change that must not land
      copy.editGeoJson('bari-comuni.simplified.geojson', (fc) => {
        fc.features[3].properties.istat_code = '072999';
      });
      try {
        const res = await importAs(adminToken, BARI).expect(400);
        expect(res.body.message).toContain(
          'bari-comuni.simplified.geojson features[3] (istat_code 072999): istat_code 072999 matches no row of the municipalities CSV',
        );
      } finally {
        copy.restore('bari-comuni.csv');
        copy.restore('bari-comuni.simplified.geojson');
      }
      expect(await counts()).toEqual(before);
      expect(await municipality('072029')).toMatchObject({ population: 57560, version: 3 });
    });

    it('keeps a coordinator’s change of social area on re-import and reports it; applies the file’s when asked', async () => {
      const bari = await loadTestTenant(t.db, '272');
      const coordinator = await t.factory.user({ role: 'coordinator', tenant: bari });
      const coordinatorToken = await t.factory.token(coordinator);
      await t.http
        .patch('/api/municipalities/072029')
        .set('Authorization', `Bearer ${coordinatorToken}`)
        .send({ version: 3, socialArea: 'ATS_BA_CORATO' })
        .expect(200);

      const kept = await importAs(adminToken, BARI).expect(200);
      expect(kept.body.membershipsKept).toEqual(['072029 Molfetta: ATS_BA_CORATO (file: ATS_BA_MOLFETTA)']);
      expect(kept.body.municipalitiesUpdated).toBe(0);
      expect(await municipality('072029')).toMatchObject({ socialArea: 'ATS_BA_CORATO', version: 4 });

      const applied = await importAs(adminToken, { ...BARI, overwriteMemberships: true }).expect(200);
      expect(applied.body).toMatchObject({ membershipsKept: [], municipalitiesUpdated: 1 });
      expect(await municipality('072029')).toMatchObject({ socialArea: 'ATS_BA_MOLFETTA', version: 5 });

      // only admins import
      await importAs(coordinatorToken, BARI).expect(403);
      await importAs(null, BARI).expect(401);
    });

    it('refuses a slug that belongs to another tenant, writing nothing', async () => {
      await t.factory.tenant({ istatCode: '299', socialAreas: {} }); // slug t299
      for (const suffix of ['-comuni.csv', '-social-areas.csv', '-comuni.geojson', '-comuni.simplified.geojson'])
        copy.write(`t299${suffix}`, copy.read(`bari${suffix}`));
      const before = await counts();
      const res = await importAs(adminToken, { ...BARI, slug: 't299' }).expect(400);
      expect(res.body).toMatchObject({
        code: 'TERRITORY_IMPORT_INVALID',
        message: 'The slug "t299" already belongs to tenant 299: nothing was imported',
      });
      expect(await counts()).toEqual(before);
      const [tenant] = await t.db.query(`SELECT slug FROM tenants WHERE istat_code = '272'`);
      expect(tenant.slug).toBe('bari');
    });

    it('asks an admin to name the tenant when a social area code exists in two tenants', async () => {
      await t.factory.tenant({ istatCode: '298', socialAreas: { ATS_BA_MOLFETTA: [['098001', 'Elsewhere', 10]] } });
      const auth = { Authorization: `Bearer ${adminToken}` };
      const res = await t.http.get('/api/social-areas/ATS_BA_MOLFETTA').set(auth).expect(400);
      expect(res.body.code).toBe('TERRITORY_TENANT_REQUIRED');
      const bari = await t.http.get('/api/social-areas/ATS_BA_MOLFETTA?tenant=272').set(auth).expect(200);
      expect(bari.body).toMatchObject({ code: 'ATS_BA_MOLFETTA', municipalityCount: 2 });
      const other = await t.http.get('/api/social-areas/ATS_BA_MOLFETTA?tenant=298').set(auth).expect(200);
      expect(other.body).toMatchObject({ municipalityCount: 1, population: 10 });
    });

    it('takes the population year from the request', async () => {
      const res = await importAs(adminToken, { ...BOLOGNA, populationYear: 2025 }).expect(200);
      expect(res.body).toMatchObject({ populationYear: 2025, municipalitiesUpdated: 55 });
      const years = await t.db.query(
        `SELECT DISTINCT population_year FROM municipalities m JOIN tenants t ON t.tenant_id = m.tenant_id WHERE t.istat_code = '237'`,
      );
      expect(years).toEqual([{ population_year: 2025 }]);
    });
  });
});
