import { createHash } from 'node:crypto';
import type { TestTenant, TestUser } from '../../test/factories';
import { createTestApp, type TestApp } from '../../test/test-app';

describe('users management', () => {
  let t: TestApp;
  let bari: TestTenant;
  let bologna: TestTenant;
  let coordBari: TestUser;
  let coordBologna: TestUser;
  let admin: TestUser;
  let innovBari: TestUser;
  let molfetta: TestUser;
  const tokens = new Map<string, string>();

  beforeAll(async () => {
    t = await createTestApp();
    ({ bari, bologna } = await t.factory.twoTenants());
    coordBari = await t.factory.user({ role: 'coordinator', tenant: bari, fullName: 'Coordinatrice Bari' });
    coordBologna = await t.factory.user({ role: 'coordinator', tenant: bologna, fullName: 'Coordinatore Bologna' });
    admin = await t.factory.user({ role: 'admin', fullName: 'Platform Admin' });
    innovBari = await t.factory.user({ role: 'innovator', tenant: bari, municipalities: ['072029'], fullName: 'Nicolò Innovatore' });
    molfetta = await t.factory.user({ role: 'municipality', tenant: bari, scopeMunicipality: '072029', fullName: 'Comune di Molfetta' });
    for (const u of [coordBari, coordBologna, admin, innovBari, molfetta]) tokens.set(u.id, await t.factory.token(u));
  });
  afterAll(() => t.close());

  const as = (user: TestUser) => ({ Authorization: `Bearer ${tokens.get(user.id)}` });
  const userCount = async () => Number((await t.db.query('SELECT count(*)::int AS n FROM users'))[0].n);
  const uniqueEmail = (prefix: string) => `${prefix}.${Math.random().toString(36).slice(2, 10)}@trama.test`;
  const audit = (entityId: string, action?: string) =>
    t.db.query(
      `SELECT tenant_id, actor_id, action, before, after FROM audit_log WHERE entity = 'user' AND entity_id = $1 ${action ? 'AND action = $2' : ''} ORDER BY id`,
      action ? [entityId, action] : [entityId],
    );

  describe('access', () => {
    it("lists the coordinator's own tenant only (no other tenant, no admins)", async () => {
      const res = await t.http.get('/api/users').query({ pageSize: 200 }).set(as(coordBari));
      expect(res.status).toBe(200);
      const ids = res.body.items.map((u: { id: string }) => u.id);
      expect(ids).toEqual(expect.arrayContaining([coordBari.id, innovBari.id, molfetta.id]));
      expect(ids).not.toContain(coordBologna.id);
      expect(ids).not.toContain(admin.id);
      expect(res.body.items.every((u: { tenant: { istatCode: string } }) => u.tenant.istatCode === '272')).toBe(true);
      expect(res.body).toMatchObject({ page: 1, pageSize: 200, total: res.body.items.length });
    });

    it("answers 404 for another tenant's user, on every operation", async () => {
      const target = await t.factory.user({ role: 'innovator', tenant: bologna });
      const before = await t.db.query('SELECT version, full_name, password_hash FROM users WHERE id = $1', [target.id]);
      const calls = [
        t.http.get(`/api/users/${target.id}`).set(as(coordBari)),
        t.http.patch(`/api/users/${target.id}`).set(as(coordBari)).send({ version: 1, fullName: 'Hijacked' }),
        t.http.put(`/api/users/${target.id}/municipalities`).set(as(coordBari)).send({ version: 1, municipalities: [] }),
        t.http.post(`/api/users/${target.id}/reset-password`).set(as(coordBari)),
      ];
      for (const res of await Promise.all(calls)) {
        expect(res.status).toBe(404);
        expect(res.body.code).toBe('NOT_FOUND');
      }
      expect(await t.db.query('SELECT version, full_name, password_hash FROM users WHERE id = $1', [target.id])).toEqual(before);
      // an admin is out of a coordinator's reach too, and an unknown or malformed id is the same 404
      expect((await t.http.get(`/api/users/${admin.id}`).set(as(coordBari))).status).toBe(404);
      expect((await t.http.get('/api/users/00000000-0000-4000-8000-000000000000').set(as(coordBari))).status).toBe(404);
      expect((await t.http.get('/api/users/not-a-uuid').set(as(coordBari))).status).toBe(404);
    });

    it.each([
      ['an innovator', () => innovBari],
      ['a municipality user', () => molfetta],
    ])('refuses %s with 403 on every users operation', async (_name, who) => {
      const user = who();
      const calls = [
        t.http.get('/api/users').set(as(user)),
        t.http.get(`/api/users/${user.id}`).set(as(user)),
        t.http
          .post('/api/users')
          .set(as(user))
          .send({ email: uniqueEmail('x'), fullName: 'X', role: 'innovator' }),
        t.http.patch(`/api/users/${user.id}`).set(as(user)).send({ version: 1, fullName: 'Me' }),
        t.http
          .put(`/api/users/${user.id}/municipalities`)
          .set(as(user))
          .send({ version: 1, municipalities: ['072006'] }),
        t.http.post(`/api/users/${user.id}/reset-password`).set(as(user)),
      ];
      for (const res of await Promise.all(calls)) {
        expect(res.status).toBe(403);
        expect(res.body.code).toBe('FORBIDDEN');
      }
    });

    it('refuses anonymous callers with 401', async () => {
      expect((await t.http.get('/api/users')).status).toBe(401);
    });

    it('lets an admin read and manage users of any tenant, and filter by tenant', async () => {
      const all = await t.http.get('/api/users').query({ pageSize: 200 }).set(as(admin));
      const ids = all.body.items.map((u: { id: string }) => u.id);
      expect(ids).toEqual(expect.arrayContaining([coordBari.id, coordBologna.id, admin.id]));

      const onlyBologna = await t.http.get('/api/users').query({ tenant: '237', pageSize: 200 }).set(as(admin));
      expect(onlyBologna.body.items.map((u: { id: string }) => u.id)).toContain(coordBologna.id);
      expect(onlyBologna.body.items.every((u: { tenant: { istatCode: string } }) => u.tenant.istatCode === '237')).toBe(true);

      const one = await t.http.get(`/api/users/${coordBologna.id}`).set(as(admin));
      expect(one.status).toBe(200);
      const patched = await t.http
        .patch(`/api/users/${coordBologna.id}`)
        .set(as(admin))
        .send({ version: one.body.version, fullName: 'Coordinatore Bologna (renamed)' });
      expect(patched.status).toBe(200);
      expect(patched.body.fullName).toBe('Coordinatore Bologna (renamed)');
    });
  });

  describe('create', () => {
    it('creates an innovator with assigned municipalities and contract dates, returns a temporary password once, and audits it', async () => {
      const email = uniqueEmail('nuova.innovatrice');
      const res = await t.http
        .post('/api/users')
        .set(as(coordBari))
        .send({
          email: email.toUpperCase(),
          fullName: '  Giulia Nuova ',
          role: 'innovator',
          hiredOn: '2026-02-01',
          contractEnd: '2027-01-31',
          municipalities: ['072029', '072020'],
        });
      expect(res.status).toBe(201);
      expect(res.body).toEqual({
        user: {
          id: expect.any(String),
          email,
          fullName: 'Giulia Nuova',
          role: 'innovator',
          active: true,
          lockedUntil: null,
          hiredOn: '2026-02-01',
          contractEnd: '2027-01-31',
          assignedMunicipalities: [
            { istatCode: '072020', name: 'Corato' },
            { istatCode: '072029', name: 'Molfetta' },
          ],
          territory: null,
          tenant: { id: bari.id, istatCode: '272', name: 'Città Metropolitana di Bari' },
          lastLoginAt: null,
          createdAt: expect.any(String),
          version: 1,
        },
        temporaryPassword: expect.stringMatching(/^[A-Za-z0-9]{4}(-[A-Za-z0-9]{4}){3}$/),
      });
      const id = res.body.user.id;
      const [row] = await t.db.query('SELECT tenant_id, created_by, password_hash FROM users WHERE id = $1', [id]);
      expect(row.tenant_id).toBe(bari.id);
      expect(row.created_by).toBe(coordBari.id);
      expect(row.password_hash).toMatch(/^\$argon2id\$/);

      const entries = await audit(id, 'create');
      expect(entries).toEqual([
        {
          tenant_id: bari.id,
          actor_id: coordBari.id,
          action: 'create',
          before: null,
          after: expect.objectContaining({
            email,
            role: 'innovator',
            hiredOn: '2026-02-01',
            municipalities: ['072020', '072029'],
            generatedPassword: true,
          }),
        },
      ]);
      expect(JSON.stringify(entries)).not.toContain(res.body.temporaryPassword);

      // The temporary password signs in.
      const login = await t.http.post('/api/auth/login').send({ email, password: res.body.temporaryPassword });
      expect(login.status).toBe(200);
    });

    it('uses a given password and does not echo it', async () => {
      const email = uniqueEmail('with.password');
      const res = await t.http
        .post('/api/users')
        .set(as(coordBari))
        .send({ email, fullName: 'With Password', role: 'coordinator', password: 'A-chosen-passphrase' });
      expect(res.status).toBe(201);
      expect(res.body.temporaryPassword).toBeUndefined();
      expect((await t.http.post('/api/auth/login').send({ email, password: 'A-chosen-passphrase' })).status).toBe(200);
    });

    it('creates a municipality user for a social area of the tenant', async () => {
      const res = await t.http
        .post('/api/users')
        .set(as(coordBari))
        .send({
          email: uniqueEmail('ats.corato'),
          fullName: 'ATS Corato',
          role: 'municipality',
          territory: { kind: 'social_area', code: 'ATS_BA_CORATO' },
        });
      expect(res.status).toBe(201);
      expect(res.body.user.territory).toEqual({ kind: 'social_area', code: 'ATS_BA_CORATO', name: 'Ambito ATS_BA_CORATO' });
    });

    it('answers 409 USER_EMAIL_TAKEN for an email in use, in any case, in any tenant, with one body that never says where', async () => {
      const before = await userCount();
      const create = (email: string) => t.http.post('/api/users').set(as(coordBari)).send({ email, fullName: 'Dup', role: 'innovator' });
      const otherTenant = await create(coordBologna.email.toUpperCase());
      const ownTenant = await create(innovBari.email);
      const anAdmin = await create(admin.email);
      expect(otherTenant.status).toBe(409);
      expect(otherTenant.body).toEqual({
        statusCode: 409,
        error: 'Conflict',
        code: 'USER_EMAIL_TAKEN',
        message: 'This email cannot be used for a new account',
        details: [{ field: 'email', messages: ['This email cannot be used for a new account'], codes: ['USER_EMAIL_TAKEN'] }],
      });
      expect(ownTenant.body).toEqual(otherTenant.body);
      expect(anAdmin.body).toEqual(otherTenant.body);
      expect(JSON.stringify(otherTenant.body)).not.toMatch(/bologna|237|exists/i);
      expect(await userCount()).toBe(before);
    });

    it('refuses a coordinator creating an admin with 403', async () => {
      const before = await userCount();
      const res = await t.http
        .post('/api/users')
        .set(as(coordBari))
        .send({ email: uniqueEmail('wannabe'), fullName: 'Wannabe', role: 'admin' });
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('USER_ROLE_NOT_ALLOWED');
      expect(await userCount()).toBe(before);
    });

    it("refuses an innovator's municipalities outside the tenant with 400 naming the field", async () => {
      const before = await userCount();
      const res = await t.http
        .post('/api/users')
        .set(as(coordBari))
        .send({ email: uniqueEmail('i'), fullName: 'I', role: 'innovator', municipalities: ['072029', '037006'] });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(res.body.details).toEqual([{ field: 'municipalities', messages: [expect.stringContaining('037006')], codes: ['INVALID'] }]);
      expect(await userCount()).toBe(before);
    });

    it.each([
      ['no territory', 'territory', { role: 'municipality' }],
      ['a territory of another tenant', 'territory.code', { role: 'municipality', territory: { kind: 'municipality', code: '037006' } }],
      ['an unknown social area', 'territory.code', { role: 'municipality', territory: { kind: 'social_area', code: 'NOPE' } }],
      ['a territory kind that does not exist', 'territory.kind', { role: 'municipality', territory: { kind: 'province', code: '072' } }],
      ['a territory for an innovator', 'territory', { role: 'innovator', territory: { kind: 'social_area', code: 'ATS_BA_CORATO' } }],
      ['contract dates for a coordinator', 'hiredOn', { role: 'coordinator', hiredOn: '2026-01-01' }],
      ['a contract ending before hiring', 'contractEnd', { role: 'innovator', hiredOn: '2026-06-01', contractEnd: '2026-05-31' }],
      ['a date that does not exist', 'hiredOn', { role: 'innovator', hiredOn: '2026-02-30' }],
      ['a tenant other than the coordinator’s own', 'tenant', { role: 'innovator', tenant: '237' }],
    ])('refuses %s with 400 naming %s', async (_name, field, fields) => {
      const before = await userCount();
      const res = await t.http
        .post('/api/users')
        .set(as(coordBari))
        .send({ email: uniqueEmail('v'), fullName: 'V', ...fields });
      expect(res.status).toBe(400);
      expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
      expect(await userCount()).toBe(before);
    });

    it('lets an admin create a user in a tenant named by ISTAT code, and an admin without tenant', async () => {
      const inBologna = await t.http
        .post('/api/users')
        .set(as(admin))
        .send({ email: uniqueEmail('coord.bo'), fullName: 'Coord BO', role: 'innovator', tenant: '237', municipalities: ['037006'] });
      expect(inBologna.status).toBe(201);
      expect(inBologna.body.user.tenant.istatCode).toBe('237');
      expect(inBologna.body.user.assignedMunicipalities).toEqual([{ istatCode: '037006', name: 'Bologna' }]);

      const another = await t.http
        .post('/api/users')
        .set(as(admin))
        .send({ email: uniqueEmail('admin2'), fullName: 'Second Admin', role: 'admin' });
      expect(another.status).toBe(201);
      expect(another.body.user.tenant).toBeNull();
      const [entry] = await audit(another.body.user.id, 'create');
      expect(entry).toMatchObject({ tenant_id: null, actor_id: admin.id });

      const noTenant = await t.http
        .post('/api/users')
        .set(as(admin))
        .send({ email: uniqueEmail('x'), fullName: 'X', role: 'coordinator' });
      expect(noTenant.status).toBe(400);
      expect(noTenant.body.details).toEqual([expect.objectContaining({ field: 'tenant' })]);
      const unknownTenant = await t.http
        .post('/api/users')
        .set(as(admin))
        .send({ email: uniqueEmail('x'), fullName: 'X', role: 'coordinator', tenant: '999' });
      expect(unknownTenant.status).toBe(400);
      expect(unknownTenant.body.details).toEqual([expect.objectContaining({ field: 'tenant' })]);
    });
  });

  describe('validation of the body', () => {
    const valid = () => ({ email: uniqueEmail('valid'), fullName: 'Valid Person', role: 'innovator' });

    it('rejects an unknown field with 400 naming it', async () => {
      const before = await userCount();
      const res = await t.http
        .post('/api/users')
        .set(as(coordBari))
        .send({ ...valid(), isSuperuser: true });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({
        statusCode: 400,
        code: 'VALIDATION_FAILED',
        details: [{ field: 'isSuperuser', messages: [expect.stringContaining('isSuperuser')] }],
      });
      expect(res.body.message).toContain('isSuperuser');
      expect(await userCount()).toBe(before);
    });

    it('rejects a wrong type and a bad email, naming the fields', async () => {
      const res = await t.http
        .post('/api/users')
        .set(as(coordBari))
        .send({ ...valid(), fullName: 42, email: 'not-an-email', municipalities: '072029' });
      expect(res.status).toBe(400);
      expect(res.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['email', 'fullName', 'municipalities']);
    });

    it('rejects malformed JSON with 400 MALFORMED_JSON', async () => {
      const res = await t.http
        .post('/api/users')
        .set(as(coordBari))
        .set('Content-Type', 'application/json')
        .send('{"email": "a@b.it", "fullName": ');
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ statusCode: 400, code: 'MALFORMED_JSON' });
    });

    it('rejects a body over 1 MB with 400 PAYLOAD_TOO_LARGE and writes nothing', async () => {
      const before = await userCount();
      const res = await t.http
        .post('/api/users')
        .set(as(coordBari))
        .set('Content-Type', 'application/json')
        .send(JSON.stringify({ ...valid(), fullName: 'x'.repeat(1024 * 1024 + 10) }));
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ statusCode: 400, code: 'PAYLOAD_TOO_LARGE' });
      expect(await userCount()).toBe(before);
    });

    it('rejects unknown and malformed list filters', async () => {
      expect((await t.http.get('/api/users').query({ sort: 'email' }).set(as(coordBari))).status).toBe(400);
      expect((await t.http.get('/api/users').query({ active: 'maybe' }).set(as(coordBari))).status).toBe(400);
      expect((await t.http.get('/api/users').query({ pageSize: 201 }).set(as(coordBari))).status).toBe(400);
      expect((await t.http.get('/api/users').query({ role: 'superuser' }).set(as(coordBari))).status).toBe(400);
    });
  });

  describe('list filters', () => {
    it('matches name and email ignoring case and accents, filters by role and active, pages', async () => {
      const tenant = await t.factory.tenant({ istatCode: '258', socialAreas: { A1: [['058091', 'Roma', 2700000]] } });
      const coord = await t.factory.user({ role: 'coordinator', tenant, fullName: 'Coordinatrice Roma' });
      await t.factory.user({ role: 'innovator', tenant, fullName: 'Nicolò Àlvarez' });
      await t.factory.user({ role: 'innovator', tenant, fullName: 'Luca Verdi', email: `luca.nicolosi.${Date.now()}@trama.test` });
      await t.factory.user({ role: 'innovator', tenant, fullName: 'Paola Spenta', active: false });
      const token = await t.factory.token(coord);
      const list = (query: Record<string, string | number | boolean>) =>
        t.http.get('/api/users').query(query).set('Authorization', `Bearer ${token}`);

      const q = await list({ q: 'NICOLO' });
      expect(q.body.items.map((u: { fullName: string }) => u.fullName)).toEqual(['Luca Verdi', 'Nicolò Àlvarez']);
      expect((await list({ q: 'alvarez' })).body.total).toBe(1);
      expect((await list({ q: '%' })).body.total).toBe(0); // wildcards are literal
      expect((await list({ role: 'innovator' })).body.total).toBe(3);
      expect((await list({ active: false })).body.items.map((u: { fullName: string }) => u.fullName)).toEqual(['Paola Spenta']);
      expect((await list({ active: true, role: 'innovator' })).body.total).toBe(2);

      const page2 = await list({ pageSize: 2, page: 2 });
      expect(page2.body).toMatchObject({ total: 4, page: 2, pageSize: 2 });
      expect(page2.body.items).toHaveLength(2);
    });
  });

  describe('update', () => {
    it('updates the fields sent, bumps the version and audits before/after', async () => {
      const target = await t.factory.user({ role: 'innovator', tenant: bari });
      const res = await t.http
        .patch(`/api/users/${target.id}`)
        .set(as(coordBari))
        .send({ version: 1, fullName: 'Renamed Innovator', contractEnd: '2027-12-31' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ fullName: 'Renamed Innovator', hiredOn: '2026-01-15', contractEnd: '2027-12-31', version: 2 });
      const [entry] = await audit(target.id, 'update');
      expect(entry.actor_id).toBe(coordBari.id);
      expect(entry.before).toMatchObject({ fullName: expect.stringContaining('Test innovator'), contractEnd: null });
      expect(entry.after).toMatchObject({ fullName: 'Renamed Innovator', contractEnd: '2027-12-31' });
      const [row] = await t.db.query('SELECT updated_by FROM users WHERE id = $1', [target.id]);
      expect(row.updated_by).toBe(coordBari.id);
    });

    it('answers a stale version with 409 STALE_VERSION and leaves the record unchanged', async () => {
      const target = await t.factory.user({ role: 'innovator', tenant: bari, fullName: 'Original Name' });
      expect((await t.http.patch(`/api/users/${target.id}`).set(as(coordBari)).send({ version: 1, fullName: 'First Edit' })).status).toBe(
        200,
      );
      const before = await t.db.query('SELECT full_name, version, updated_at FROM users WHERE id = $1', [target.id]);

      const stale = await t.http.patch(`/api/users/${target.id}`).set(as(coordBari)).send({ version: 1, fullName: 'Second Edit' });
      expect(stale.status).toBe(409);
      expect(stale.body.code).toBe('STALE_VERSION');
      expect(await t.db.query('SELECT full_name, version, updated_at FROM users WHERE id = $1', [target.id])).toEqual(before);
      expect(before[0]).toMatchObject({ full_name: 'First Edit', version: 2 });
      expect(await audit(target.id, 'update')).toHaveLength(1);
    });

    it('checks contractEnd against the stored hiredOn', async () => {
      const target = await t.factory.user({ role: 'innovator', tenant: bari }); // hired 2026-01-15
      const res = await t.http.patch(`/api/users/${target.id}`).set(as(coordBari)).send({ version: 1, contractEnd: '2025-12-31' });
      expect(res.status).toBe(400);
      expect(res.body.details).toEqual([expect.objectContaining({ field: 'contractEnd' })]);
    });

    it("refuses a coordinator's own deactivation with 403", async () => {
      const me = await t.http.get(`/api/users/${coordBari.id}`).set(as(coordBari));
      const res = await t.http.patch(`/api/users/${coordBari.id}`).set(as(coordBari)).send({ version: me.body.version, active: false });
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('USER_SELF_DEACTIVATION');
      expect((await t.db.query('SELECT active FROM users WHERE id = $1', [coordBari.id]))[0].active).toBe(true);
    });

    it('deactivates a user, ends their sessions, audits it; reactivation works', async () => {
      const target = await t.factory.user({ role: 'innovator', tenant: bari });
      await t.factory.token(target);
      const off = await t.http.patch(`/api/users/${target.id}`).set(as(coordBari)).send({ version: 1, active: false });
      expect(off.status).toBe(200);
      expect(off.body.active).toBe(false);
      expect(await t.db.query('SELECT revoked_reason FROM refresh_tokens WHERE user_id = $1', [target.id])).toEqual([
        { revoked_reason: 'deactivated' },
      ]);
      const [entry] = await audit(target.id, 'deactivate');
      expect(entry).toMatchObject({ before: { active: true }, after: { active: false, sessionsRevoked: 1 } });

      const on = await t.http.patch(`/api/users/${target.id}`).set(as(coordBari)).send({ version: 2, active: true });
      expect(on.status).toBe(200);
      expect((await t.http.post('/api/auth/login').send({ email: target.email, password: target.password })).status).toBe(200);
    });

    it("changes a municipality user's territory", async () => {
      const target = await t.factory.user({ role: 'municipality', tenant: bari, scopeMunicipality: '072022' });
      const res = await t.http
        .patch(`/api/users/${target.id}`)
        .set(as(coordBari))
        .send({ version: 1, territory: { kind: 'social_area', code: 'ATS_BA_MOLFETTA' } });
      expect(res.status).toBe(200);
      expect(res.body.territory).toEqual({ kind: 'social_area', code: 'ATS_BA_MOLFETTA', name: 'Ambito ATS_BA_MOLFETTA' });
      const [row] = await t.db.query('SELECT scope_municipality_id, scope_social_area_id FROM users WHERE id = $1', [target.id]);
      expect(row).toEqual({ scope_municipality_id: null, scope_social_area_id: bari.socialAreas.ATS_BA_MOLFETTA });
    });

    it('requires the version', async () => {
      const res = await t.http.patch(`/api/users/${innovBari.id}`).set(as(coordBari)).send({ fullName: 'No Version' });
      expect(res.status).toBe(400);
      expect(res.body.details).toEqual([expect.objectContaining({ field: 'version' })]);
    });

    it('refuses a version beyond 2^31 − 1 with 400 naming version (PostgreSQL could not compare it with an int: a 500)', async () => {
      const res = await t.http.patch(`/api/users/${innovBari.id}`).set(as(coordBari)).send({ version: 1e20, fullName: 'Huge Version' });
      expect(res.status).toBe(400);
      expect(res.body.details).toEqual([expect.objectContaining({ field: 'version' })]);
    });
  });

  describe('municipality assignments', () => {
    it("replaces an innovator's set, bumps the version and audits before/after ISTAT lists; the innovator's scope follows at once", async () => {
      const target = await t.factory.user({ role: 'innovator', tenant: bari, municipalities: ['072029', '072022'] });
      const token = await t.factory.token(target);
      const res = await t.http
        .put(`/api/users/${target.id}/municipalities`)
        .set(as(coordBari))
        .send({ version: 1, municipalities: ['072006', '072029'] });
      expect(res.status).toBe(200);
      expect(res.body.assignedMunicipalities).toEqual([
        { istatCode: '072006', name: 'Bari' },
        { istatCode: '072029', name: 'Molfetta' },
      ]);
      expect(res.body.version).toBe(2);
      const [entry] = await audit(target.id, 'assign_municipalities');
      expect(entry).toMatchObject({
        actor_id: coordBari.id,
        tenant_id: bari.id,
        before: { municipalities: ['072022', '072029'] },
        after: { municipalities: ['072006', '072029'] },
      });
      const me = await t.http.get('/api/auth/me').set('Authorization', `Bearer ${token}`);
      expect(me.body.assignedMunicipalities.map((m: { istatCode: string }) => m.istatCode)).toEqual(['072006', '072029']);
    });

    it('answers a stale version with 409 and keeps the assignments', async () => {
      const target = await t.factory.user({ role: 'innovator', tenant: bari, municipalities: ['072029'] });
      expect((await t.http.patch(`/api/users/${target.id}`).set(as(coordBari)).send({ version: 1, fullName: 'Bumped' })).status).toBe(200);
      const res = await t.http.put(`/api/users/${target.id}/municipalities`).set(as(coordBari)).send({ version: 1, municipalities: [] });
      expect(res.status).toBe(409);
      expect(await t.db.query('SELECT municipality_id FROM user_municipalities WHERE user_id = $1', [target.id])).toEqual([
        { municipality_id: bari.municipalities['072029'] },
      ]);
      expect(await audit(target.id, 'assign_municipalities')).toHaveLength(0);
    });

    it('refuses municipalities of another tenant and non-innovators', async () => {
      const target = await t.factory.user({ role: 'innovator', tenant: bari });
      const foreign = await t.http
        .put(`/api/users/${target.id}/municipalities`)
        .set(as(coordBari))
        .send({ version: 1, municipalities: ['037006'] });
      expect(foreign.status).toBe(400);
      expect(foreign.body.details).toEqual([
        { field: 'municipalities', messages: [expect.stringContaining('037006')], codes: ['INVALID'] },
      ]);

      const notInnovator = await t.http
        .put(`/api/users/${molfetta.id}/municipalities`)
        .set(as(coordBari))
        .send({ version: 1, municipalities: ['072029'] });
      expect(notInnovator.status).toBe(400);
      expect(notInnovator.body.code).toBe('USER_NOT_INNOVATOR');
    });
  });

  describe('OpenAPI document', () => {
    it('documents the auth, users and audit operations with their request and response schemas', async () => {
      const doc = (await t.http.get('/api/docs/openapi.json').expect(200)).body;
      for (const [path, method] of [
        ['/api/auth/login', 'post'],
        ['/api/auth/refresh', 'post'],
        ['/api/auth/logout', 'post'],
        ['/api/auth/me', 'get'],
        ['/api/auth/password', 'post'],
        ['/api/users', 'get'],
        ['/api/users', 'post'],
        ['/api/users/{id}', 'get'],
        ['/api/users/{id}', 'patch'],
        ['/api/users/{id}/municipalities', 'put'],
        ['/api/users/{id}/reset-password', 'post'],
        ['/api/audit', 'get'],
      ]) {
        expect(doc.paths[path]?.[method]).toBeDefined();
      }
      expect(doc.components.schemas.CreateUserRequest.required).toEqual(expect.arrayContaining(['email', 'fullName', 'role']));
      expect(doc.components.schemas.User.properties).toHaveProperty('assignedMunicipalities');
      expect(doc.components.schemas.LoginResponse.properties).toHaveProperty('accessToken');
      expect(doc.paths['/api/users'].get.parameters.map((p: { name: string }) => p.name)).toEqual(
        expect.arrayContaining(['role', 'q', 'active', 'page', 'pageSize']),
      );
    });
  });

  describe('password reset', () => {
    const emailKey = (email: string) => createHash('sha256').update(`email:${email}`).digest('hex');

    it('returns a new temporary password, ends the sessions and lifts a lock', async () => {
      const target = await t.factory.user({ role: 'innovator', tenant: bari });
      const oldAccess = await t.factory.token(target);
      await t.db.query(
        `INSERT INTO sign_in_backoff (email_key, client_key, failures, blocked_until) VALUES ($1, '', 20, now() + interval '10 minutes')`,
        [emailKey(target.email)],
      );

      const res = await t.http.post(`/api/users/${target.id}/reset-password`).set(as(coordBari));
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ temporaryPassword: expect.any(String) });

      expect(await t.db.query('SELECT revoked_reason FROM refresh_tokens WHERE user_id = $1', [target.id])).toEqual([
        { revoked_reason: 'password_reset' },
      ]);
      expect((await t.http.get('/api/auth/me').set('Authorization', `Bearer ${oldAccess}`)).status).toBe(401);
      expect((await t.http.post('/api/auth/login').send({ email: target.email, password: target.password })).status).toBe(401);
      expect((await t.http.post('/api/auth/login').send({ email: target.email, password: res.body.temporaryPassword })).status).toBe(200);
      const [entry] = await audit(target.id, 'password_reset');
      expect(entry).toMatchObject({ actor_id: coordBari.id, after: { lockedUntil: null, sessionsRevoked: 1, backoffsLifted: 1 } });
      expect(JSON.stringify(entry)).not.toContain(res.body.temporaryPassword);
    });

    it("lets a coordinator reset innovators' and municipality users' passwords only: never another coordinator's, nor their own", async () => {
      const colleague = await t.factory.user({ role: 'coordinator', tenant: bari });
      const reset = (target: TestUser, by: TestUser) => t.http.post(`/api/users/${target.id}/reset-password`).set(as(by));
      const hashes = async () =>
        t.db.query('SELECT id, password_hash FROM users WHERE id IN ($1, $2) ORDER BY id', [colleague.id, coordBari.id]);
      const before = await hashes();
      for (const res of [await reset(colleague, coordBari), await reset(coordBari, coordBari)]) {
        expect(res.status).toBe(403);
        expect(res.body.code).toBe('USER_RESET_NOT_ALLOWED');
        expect(res.body.temporaryPassword).toBeUndefined();
      }
      expect(await hashes()).toEqual(before);
      expect(await audit(colleague.id, 'password_reset')).toHaveLength(0);
      expect((await reset(molfetta, coordBari)).status).toBe(200);
      // The colleague still signs in with their own password.
      expect((await t.http.post('/api/auth/login').send({ email: colleague.email, password: colleague.password })).status).toBe(200);
    });

    it("lets an admin reset a coordinator's and another admin's password, but not their own", async () => {
      const otherAdmin = await t.factory.user({ role: 'admin' });
      const colleague = await t.factory.user({ role: 'coordinator', tenant: bologna });
      for (const target of [colleague, otherAdmin]) {
        const res = await t.http.post(`/api/users/${target.id}/reset-password`).set(as(admin));
        expect(res.status).toBe(200);
        expect((await t.http.post('/api/auth/login').send({ email: target.email, password: res.body.temporaryPassword })).status).toBe(200);
      }
      const own = await t.http.post(`/api/users/${admin.id}/reset-password`).set(as(admin));
      expect(own.status).toBe(403);
      expect(own.body.code).toBe('USER_RESET_NOT_ALLOWED');
    });
  });
});
