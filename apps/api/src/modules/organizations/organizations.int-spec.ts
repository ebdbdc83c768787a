import type { OrganizationResponseDto } from './dto/organization.response';
import { type ActivityWorld, activityWorld, countRows } from '../../test/activity-fixtures';
import { createTestApp, type TestApp } from '../../test/test-app';

describe('organizations register (minimal)', () => {
  let t: TestApp;
  let w: ActivityWorld;
  beforeAll(async () => {
    t = await createTestApp();
    w = await activityWorld(t);
  });
  afterAll(() => t.close());

  const body = (overrides: Record<string, unknown> = {}) => ({
    name: 'APS Orti Urbani',
    kind: 'aps',
    municipality: '072006',
    ...overrides,
  });

  it('lets an innovator register an organization in an assigned municipality, normalising the tax code, and audits it', async () => {
    const res = await t.http
      .post('/api/organizations')
      .set(w.innA.auth)
      .send(body({ name: '  Cooperativa Città Solidale ', kind: 'social_enterprise', taxCode: 'it 06363391001' }))
      .expect(201);
    const org = res.body as OrganizationResponseDto;
    expect(org).toMatchObject({
      name: 'Cooperativa Città Solidale',
      kind: 'social_enterprise',
      taxCode: '06363391001',
      municipality: { istatCode: '072006', name: 'Bari' },
      active: true,
      version: 1,
    });
    const [entry] = await t.db.query(`SELECT actor_id, action, after FROM audit_log WHERE entity = 'organization' AND entity_id = $1`, [
      org.id,
    ]);
    expect(entry).toMatchObject({
      actor_id: w.innA.id,
      action: 'create',
      after: { name: 'Cooperativa Città Solidale', taxCode: '06363391001' },
    });
    expect((await t.http.get(`/api/organizations/${org.id}`).set(w.innC.auth).expect(200)).body.id).toBe(org.id);
  });

  it('refuses an innovator outside their municipalities (400 naming municipality), lets a coordinator anywhere in the tenant', async () => {
    const before = await countRows(t, 'organizations');
    const res = await t.http
      .post('/api/organizations')
      .set(w.innA.auth)
      .send(body({ municipality: '072020' }))
      .expect(400);
    expect(res.body).toMatchObject({ code: 'ORGANIZATION_MUNICIPALITY_NOT_ASSIGNED', details: [{ field: 'municipality' }] });
    expect(await countRows(t, 'organizations')).toBe(before);
    await t.http
      .post('/api/organizations')
      .set(w.coord.auth)
      .send(body({ municipality: '072020', name: 'ODV Corato' }))
      .expect(201);
    const foreign = await t.http
      .post('/api/organizations')
      .set(w.coord.auth)
      .send(body({ municipality: '037006' }))
      .expect(400);
    expect(foreign.body.code).toBe('ORGANIZATION_MUNICIPALITY_UNKNOWN');
  });

  it('refuses municipality users (403)', async () => {
    await t.http.post('/api/organizations').set(w.muniBari.auth).send(body()).expect(403);
  });

  it('keeps tax codes unique per tenant (409 naming taxCode) but not across tenants', async () => {
    await t.http
      .post('/api/organizations')
      .set(w.coord.auth)
      .send(body({ taxCode: '80015010723', name: 'Primo' }))
      .expect(201);
    const dup = await t.http
      .post('/api/organizations')
      .set(w.innA.auth)
      .send(body({ taxCode: '80015010723', name: 'Secondo' }))
      .expect(409);
    expect(dup.body).toMatchObject({ code: 'ORGANIZATION_TAX_CODE_TAKEN', details: [{ field: 'taxCode' }] });
    await t.http
      .post('/api/organizations')
      .set(w.coordBo.auth)
      .send(body({ taxCode: '80015010723', municipality: '037006' }))
      .expect(201);
    // organizations without a tax code are many (a similar name is a warning the user can override)
    await t.http
      .post('/api/organizations')
      .set(w.innA.auth)
      .send(body({ name: 'Gruppo informale A', kind: 'informal_group' }))
      .expect(201);
    await t.http
      .post('/api/organizations')
      .set(w.innA.auth)
      .send(body({ name: 'Gruppo informale B', kind: 'informal_group', taxCode: '', acknowledgeDuplicates: true }))
      .expect(201);
  });

  it.each([
    [{ taxCode: '80015010724' }, 'taxCode'],
    [{ taxCode: 'RSSMRA85T10A562T' }, 'taxCode'],
    [{ kind: 'club' }, 'kind'],
    [{ name: ' ' }, 'name'],
    [{ municipality: '72006' }, 'municipality'],
    [{ website: 'x' }, 'website'],
  ])('refuses %j with 400 naming %s', async (overrides, field) => {
    const before = await countRows(t, 'organizations');
    const res = await t.http.post('/api/organizations').set(w.coord.auth).send(body(overrides)).expect(400);
    expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
    expect(await countRows(t, 'organizations')).toBe(before);
  });

  it('lists by name, searching without accents or case, by municipality; municipality users see their territory only', async () => {
    await t.http
      .post('/api/organizations')
      .set(w.innA.auth)
      .send(body({ name: 'Associazione Perché No', municipality: '072029', kind: 'odv' }))
      .expect(201);
    const q = await t.http.get('/api/organizations?q=perche').set(w.coord.auth).expect(200);
    expect(q.body.items.map((o: OrganizationResponseDto) => o.name)).toEqual(['Associazione Perché No']);
    const byMuni = await t.http.get('/api/organizations?municipality=072029').set(w.innC.auth).expect(200);
    expect(byMuni.body.items.map((o: OrganizationResponseDto) => o.name)).toEqual(['Associazione Perché No']);
    const names = (await t.http.get('/api/organizations?pageSize=200').set(w.coord.auth).expect(200)).body.items.map(
      (o: OrganizationResponseDto) => o.name,
    );
    expect(names).toEqual([...names].sort((a: string, b: string) => a.toLowerCase().localeCompare(b.toLowerCase())));
    const muni = await t.http.get('/api/organizations?pageSize=200').set(w.muniBari.auth).expect(200);
    expect(muni.body.items.length).toBeGreaterThan(0);
    expect(muni.body.items.every((o: OrganizationResponseDto) => o.municipality.istatCode === '072006')).toBe(true);
    const area = await t.http.get('/api/organizations?pageSize=200').set(w.areaMolfetta.auth).expect(200);
    expect(area.body.items.map((o: OrganizationResponseDto) => o.name)).toEqual(['Associazione Perché No']);
    const other = await t.http.get('/api/organizations?pageSize=200').set(w.coordBo.auth).expect(200);
    expect(other.body.items.every((o: OrganizationResponseDto) => o.municipality.istatCode === '037006')).toBe(true);
  });

  it('answers 404 for another tenant, outside a municipality user territory, and for non-uuid ids', async () => {
    const org = (
      await t.http
        .post('/api/organizations')
        .set(w.coord.auth)
        .send(body({ name: 'Solo Bari', municipality: '072020' }))
        .expect(201)
    ).body;
    await t.http.get(`/api/organizations/${org.id}`).set(w.coordBo.auth).expect(404);
    await t.http.get(`/api/organizations/${org.id}`).set(w.muniBari.auth).expect(404);
    await t.http.get(`/api/organizations/${org.id}`).set(w.admin.auth).expect(200);
    await t.http.get('/api/organizations/xyz').set(w.coord.auth).expect(404);
  });

  it('refuses a page beyond MAX_PAGE (10,000) with 400 naming page (a huge OFFSET made PostgreSQL fail: a 500)', async () => {
    for (const page of ['1e20', '2147483648', '10001']) {
      const res = await t.http.get(`/api/organizations?page=${page}`).set(w.coord.auth).expect(400);
      expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: 'page' }] });
    }
    expect((await t.http.get('/api/organizations?page=10000').set(w.coord.auth).expect(200)).body.items).toEqual([]);
  });

  it('treats % and _ in the search as plain characters', async () => {
    await t.http
      .post('/api/organizations')
      .set(w.coord.auth)
      .send(body({ name: 'Rete 100% Sud' }))
      .expect(201);
    const res = await t.http
      .get(`/api/organizations?q=${encodeURIComponent('100%')}`)
      .set(w.coord.auth)
      .expect(200);
    expect(res.body.items.map((o: OrganizationResponseDto) => o.name)).toEqual(['Rete 100% Sud']);
    const none = await t.http
      .get(`/api/organizations?q=${encodeURIComponent('_')}`)
      .set(w.coord.auth)
      .expect(200);
    expect(none.body.items).toEqual([]);
  });
});
