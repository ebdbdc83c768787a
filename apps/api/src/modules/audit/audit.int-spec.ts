import type { TestTenant, TestUser } from '../../test/factories';
import { createTestApp, type TestApp } from '../../test/test-app';

describe('audit log', () => {
  let t: TestApp;
  let bari: TestTenant;
  let bologna: TestTenant;
  let coordBari: TestUser;
  let coordBologna: TestUser;
  let admin: TestUser;
  let innovBari: TestUser;
  let molfetta: TestUser;
  const tokens = new Map<string, string>();
  const as = (user: TestUser) => ({ Authorization: `Bearer ${tokens.get(user.id)}` });

  beforeAll(async () => {
    t = await createTestApp();
    ({ bari, bologna } = await t.factory.twoTenants());
    coordBari = await t.factory.user({ role: 'coordinator', tenant: bari, fullName: 'Coordinatrice Bari' });
    coordBologna = await t.factory.user({ role: 'coordinator', tenant: bologna });
    admin = await t.factory.user({ role: 'admin', fullName: 'Platform Admin' });
    innovBari = await t.factory.user({ role: 'innovator', tenant: bari, municipalities: ['072029'] });
    molfetta = await t.factory.user({ role: 'municipality', tenant: bari, scopeMunicipality: '072029' });
    for (const u of [coordBari, coordBologna, admin, innovBari, molfetta]) tokens.set(u.id, await t.factory.token(u));
  });
  afterAll(() => t.close());

  it('shows the coordinator the create, update and assignment of a user with before/after and the actor’s name, newest first', async () => {
    const created = await t.http
      .post('/api/users')
      .set(as(coordBari))
      .send({ email: 'audited.innovator@trama.test', fullName: 'Audited Innovator', role: 'innovator', municipalities: ['072029'] });
    expect(created.status).toBe(201);
    const id = created.body.user.id as string;
    expect(
      (await t.http.patch(`/api/users/${id}`).set(as(coordBari)).send({ version: 1, fullName: 'Audited Innovator Renamed' })).status,
    ).toBe(200);
    expect(
      (
        await t.http
          .put(`/api/users/${id}/municipalities`)
          .set(as(coordBari))
          .send({ version: 2, municipalities: ['072006', '072020'] })
      ).status,
    ).toBe(200);

    const res = await t.http.get('/api/audit').query({ entity: 'user', entityId: id }).set(as(coordBari));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ total: 3, page: 1 });
    const actor = { id: coordBari.id, fullName: 'Coordinatrice Bari' };
    expect(res.body.items).toEqual([
      {
        id: expect.any(String),
        at: expect.any(String),
        actor,
        entity: 'user',
        entityId: id,
        action: 'assign_municipalities',
        before: { municipalities: ['072029'] },
        after: { municipalities: ['072006', '072020'] },
      },
      expect.objectContaining({
        action: 'update',
        actor,
        before: expect.objectContaining({ fullName: 'Audited Innovator' }),
        after: expect.objectContaining({ fullName: 'Audited Innovator Renamed' }),
      }),
      expect.objectContaining({
        action: 'create',
        actor,
        before: null,
        after: expect.objectContaining({ email: 'audited.innovator@trama.test', municipalities: ['072029'] }),
      }),
    ]);
    expect(JSON.stringify(res.body)).not.toMatch(/password_?hash/i);
  });

  it.each([
    ['an innovator', () => innovBari],
    ['a municipality user', () => molfetta],
  ])('refuses %s with 403', async (_name, who) => {
    const res = await t.http.get('/api/audit').set(as(who()));
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('FORBIDDEN');
  });

  it("keeps each tenant's log to itself; admins see every tenant and platform events", async () => {
    await t.http.post('/api/auth/login').send({ email: 'nobody.at.all@trama.test', password: 'whatever-password' });
    await t.http.post('/api/auth/login').send({ email: innovBari.email, password: 'wrong-password-1' });

    const bolognaView = await t.http.get('/api/audit').query({ entityId: innovBari.id, pageSize: 200 }).set(as(coordBologna));
    expect(bolognaView.status).toBe(200);
    expect(bolognaView.body.total).toBe(0);

    const bariView = await t.http.get('/api/audit').query({ entityId: innovBari.id, action: 'login_failure' }).set(as(coordBari));
    expect(bariView.body.items).toEqual([
      expect.objectContaining({ actor: null, after: expect.objectContaining({ reason: 'wrong_password' }) }),
    ]);

    const bariAll = await t.http.get('/api/audit').query({ pageSize: 200 }).set(as(coordBari));
    const tenantsSeen = await t.db.query(`SELECT DISTINCT tenant_id FROM audit_log WHERE id = ANY($1::bigint[])`, [
      bariAll.body.items.map((e: { id: string }) => e.id),
    ]);
    expect(tenantsSeen).toEqual([{ tenant_id: bari.id }]);

    const platform = await t.http.get('/api/audit').query({ entityId: 'unknown', action: 'login_failure' }).set(as(admin));
    expect(platform.body.items).toEqual(
      expect.arrayContaining([expect.objectContaining({ after: expect.objectContaining({ email: 'nobody.at.all@trama.test' }) })]),
    );
    expect((await t.http.get('/api/audit').query({ entityId: 'unknown' }).set(as(coordBari))).body.total).toBe(0);
    expect((await t.http.get('/api/audit').query({ entityId: innovBari.id }).set(as(admin))).body.total).toBeGreaterThan(0);
  });

  it('pages the log', async () => {
    const res = await t.http.get('/api/audit').query({ pageSize: 2, page: 1 }).set(as(coordBari));
    expect(res.body.items).toHaveLength(2);
    expect(res.body.total).toBeGreaterThan(2);
    const next = await t.http.get('/api/audit').query({ pageSize: 2, page: 2 }).set(as(coordBari));
    expect(next.body.items[0].id).not.toBe(res.body.items[0].id);
    expect(new Date(next.body.items[0].at).getTime()).toBeLessThanOrEqual(new Date(res.body.items[1].at).getTime());
    expect((await t.http.get('/api/audit').query({ pageSize: 500 }).set(as(coordBari))).status).toBe(400);
  });
});
