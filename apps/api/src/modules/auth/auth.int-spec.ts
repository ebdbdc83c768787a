import { createHash } from 'node:crypto';
import { createTestApp, type TestApp } from '../../test/test-app';
import type { TestTenant, TestUser } from '../../test/factories';

/** The refresh cookie of a response: its value and its attributes, lower-cased. */
function refreshCookie(res: { headers: Record<string, unknown> }): { value: string; attributes: string[]; raw: string } | undefined {
  const header = res.headers['set-cookie'];
  const cookies = Array.isArray(header) ? (header as string[]) : typeof header === 'string' ? [header] : [];
  const raw = cookies.find((c) => c.startsWith('trama_refresh='));
  if (!raw) return undefined;
  const [pair, ...attributes] = raw.split(';').map((p) => p.trim());
  return { value: decodeURIComponent(pair.slice('trama_refresh='.length)), attributes: attributes.map((a) => a.toLowerCase()), raw };
}

const cookieHeader = (value: string) => `trama_refresh=${encodeURIComponent(value)}`;

function jwtPayload(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')) as Record<string, unknown>;
}

describe('auth', () => {
  let t: TestApp;
  let bari: TestTenant;

  beforeAll(async () => {
    t = await createTestApp();
    ({ bari } = await t.factory.twoTenants());
  });
  afterAll(() => t.close());

  async function login(user: Pick<TestUser, 'email' | 'password'>) {
    const res = await t.http.post('/api/auth/login').send({ email: user.email, password: user.password });
    expect(res.status).toBe(200);
    return { accessToken: res.body.accessToken as string, refresh: refreshCookie(res)!.value, body: res.body };
  }

  const auditOf = (userId: string, action: string) =>
    t.db.query(
      `SELECT tenant_id, actor_id, before, after FROM audit_log WHERE entity = 'user' AND entity_id = $1 AND action = $2 ORDER BY id`,
      [userId, action],
    );

  describe('sign-in', () => {
    it('returns an access token, the session user and a refresh cookie that is httpOnly, SameSite=Strict and scoped to /api/auth', async () => {
      const user = await t.factory.user({
        role: 'innovator',
        tenant: bari,
        municipalities: ['072029', '072006'],
        fullName: 'Anna Innovatrice',
      });
      const res = await t.http.post('/api/auth/login').send({ email: user.email, password: user.password });

      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        accessToken: expect.any(String),
        expiresIn: t.config.accessTokenTtlSeconds,
        user: {
          id: user.id,
          email: user.email,
          fullName: 'Anna Innovatrice',
          role: 'innovator',
          tenant: { id: bari.id, istatCode: '272', name: 'Città Metropolitana di Bari' },
          assignedMunicipalities: [
            { istatCode: '072006', name: 'Bari' },
            { istatCode: '072029', name: 'Molfetta' },
          ],
          territory: null,
        },
      });
      const payload = jwtPayload(res.body.accessToken);
      expect(payload).toMatchObject({ sub: user.id, role: 'innovator', tenant: bari.id, pwdChangedAt: expect.any(Number) });
      expect(payload.exp).toBe((payload.iat as number) + t.config.accessTokenTtlSeconds);
      expect(JSON.parse(Buffer.from(res.body.accessToken.split('.')[0], 'base64url').toString())).toMatchObject({ alg: 'HS256' });

      const cookie = refreshCookie(res)!;
      expect(cookie.value.length).toBeGreaterThanOrEqual(43);
      expect(cookie.attributes).toEqual(
        expect.arrayContaining(['httponly', 'samesite=strict', 'path=/api/auth', `max-age=${t.config.refreshTokenTtlDays * 86400}`]),
      );
      expect(cookie.attributes).not.toContain('secure'); // Secure only in production (tests run on plain http)

      // Stored only as a SHA-256 hash, in a new family.
      const tokens = await t.db.query(`SELECT token_hash, family_id, used_at, revoked_at FROM refresh_tokens WHERE user_id = $1`, [
        user.id,
      ]);
      expect(tokens).toEqual([
        {
          token_hash: createHash('sha256').update(cookie.value).digest('hex'),
          family_id: expect.any(String),
          used_at: null,
          revoked_at: null,
        },
      ]);
      const [row] = await t.db.query(`SELECT last_login_at, failed_logins FROM users WHERE id = $1`, [user.id]);
      expect(row.last_login_at).not.toBeNull();
      expect(await auditOf(user.id, 'login_success')).toHaveLength(1);

      // The access token works.
      const me = await t.http.get('/api/auth/me').set('Authorization', `Bearer ${res.body.accessToken}`);
      expect(me.status).toBe(200);
      expect(me.body).toEqual(res.body.user);
    });

    it('accepts the email in any case and with surrounding spaces', async () => {
      const user = await t.factory.user({ role: 'coordinator', tenant: bari });
      const res = await t.http.post('/api/auth/login').send({ email: `  ${user.email.toUpperCase()} `, password: user.password });
      expect(res.status).toBe(200);
      expect(res.body.user.id).toBe(user.id);
    });

    it('gives the same 401 INVALID_CREDENTIALS for a wrong password and for an unknown email, and audits both', async () => {
      const user = await t.factory.user({ role: 'coordinator', tenant: bari });
      const wrong = await t.http.post('/api/auth/login').send({ email: user.email, password: 'not-the-password-1' });
      const unknown = await t.http.post('/api/auth/login').send({ email: 'nobody.here@trama.test', password: 'not-the-password-1' });

      expect(wrong.status).toBe(401);
      expect(unknown.status).toBe(401);
      expect(wrong.body).toEqual({ statusCode: 401, error: 'Unauthorized', code: 'INVALID_CREDENTIALS', message: expect.any(String) });
      expect(unknown.body).toEqual(wrong.body);
      expect(refreshCookie(wrong)).toBeUndefined();
      expect(await auditOf(user.id, 'login_failure')).toEqual([
        {
          tenant_id: bari.id,
          actor_id: null,
          before: null,
          after: expect.objectContaining({ reason: 'wrong_password', consecutiveFailures: 1 }),
        },
      ]);
      const [anon] = await t.db.query(
        `SELECT after FROM audit_log WHERE action = 'login_failure' AND entity_id = 'unknown' AND after->>'email' = 'nobody.here@trama.test'`,
      );
      expect(anon.after.reason).toBe('unknown_email');
    });

    it('answers a deactivated account with INVALID_CREDENTIALS even when the password is right', async () => {
      const user = await t.factory.user({ role: 'innovator', tenant: bari, active: false });
      const res = await t.http.post('/api/auth/login').send({ email: user.email, password: user.password });
      expect(res.status).toBe(401);
      expect(res.body.code).toBe('INVALID_CREDENTIALS');
      expect(await t.db.query(`SELECT 1 FROM refresh_tokens WHERE user_id = $1`, [user.id])).toHaveLength(0);
    });

    it('validates the body before checking credentials', async () => {
      const user = await t.factory.user({ role: 'coordinator', tenant: bari });
      const missing = await t.http.post('/api/auth/login').send({ email: user.email });
      expect(missing.status).toBe(400);
      expect(missing.body.code).toBe('VALIDATION_FAILED');
      expect(missing.body.details).toEqual([expect.objectContaining({ field: 'password' })]);

      const extra = await t.http.post('/api/auth/login').send({ email: user.email, password: user.password, remember: true });
      expect(extra.status).toBe(400);
      expect(extra.body.details).toEqual([expect.objectContaining({ field: 'remember' })]);

      const wrongType = await t.http.post('/api/auth/login').send({ email: user.email, password: 12345678901 });
      expect(wrongType.status).toBe(400);
      expect(wrongType.body.details).toEqual([expect.objectContaining({ field: 'password' })]);

      // None of them counted as a failed attempt.
      const [row] = await t.db.query(`SELECT failed_logins, last_login_at FROM users WHERE id = $1`, [user.id]);
      expect(row).toEqual({ failed_logins: 0, last_login_at: null });
    });
  });

  describe('lockout', () => {
    it('locks the account after the configured failures, refuses the right password while locked, accepts it once the lock has passed', async () => {
      const max = t.config.loginMaxFailures;
      const user = await t.factory.user({ role: 'innovator', tenant: bari });
      for (let i = 1; i < max; i += 1) {
        const res = await t.http.post('/api/auth/login').send({ email: user.email, password: `wrong-password-${i}` });
        expect(res.status).toBe(401);
        expect(res.body.code).toBe('INVALID_CREDENTIALS');
      }
      const locking = await t.http.post('/api/auth/login').send({ email: user.email, password: 'wrong-password-last' });
      expect(locking.status).toBe(423);
      expect(locking.body.code).toBe('ACCOUNT_LOCKED');
      expect(locking.body.message).toMatch(new RegExp(`Try again in ${t.config.lockoutMinutes} minutes`));

      const whileLocked = await t.http.post('/api/auth/login').send({ email: user.email, password: user.password });
      expect(whileLocked.status).toBe(423);
      expect(whileLocked.body.code).toBe('ACCOUNT_LOCKED');
      expect(refreshCookie(whileLocked)).toBeUndefined();

      const [locked] = await t.db.query(`SELECT locked_until > now() + interval '14 minutes' AS long_enough FROM users WHERE id = $1`, [
        user.id,
      ]);
      expect(locked.long_enough).toBe(true);
      expect(await auditOf(user.id, 'lockout')).toHaveLength(1);

      // Time passes: the lock has expired.
      await t.db.query(`UPDATE users SET locked_until = now() - interval '1 second' WHERE id = $1`, [user.id]);
      const after = await t.http.post('/api/auth/login').send({ email: user.email, password: user.password });
      expect(after.status).toBe(200);
      const [row] = await t.db.query(`SELECT failed_logins, locked_until FROM users WHERE id = $1`, [user.id]);
      expect(row).toEqual({ failed_logins: 0, locked_until: null });
    });

    it('restarts the count of consecutive failures after a successful sign-in', async () => {
      const max = t.config.loginMaxFailures;
      const user = await t.factory.user({ role: 'innovator', tenant: bari });
      const fail = () => t.http.post('/api/auth/login').send({ email: user.email, password: 'wrong-password-x' });
      for (let i = 1; i < max; i += 1) expect((await fail()).status).toBe(401);
      await login(user);
      for (let i = 1; i < max; i += 1) expect((await fail()).status).toBe(401);
      expect((await t.http.post('/api/auth/login').send({ email: user.email, password: user.password })).status).toBe(200);
    });

    it('never locks on unknown emails (no state is kept for them)', async () => {
      for (let i = 0; i < t.config.loginMaxFailures + 1; i += 1) {
        const res = await t.http.post('/api/auth/login').send({ email: 'ghost@trama.test', password: 'wrong-password-x' });
        expect(res.body.code).toBe('INVALID_CREDENTIALS');
      }
    });
  });

  describe('refresh', () => {
    it('rotates the refresh cookie: a new access token and a new cookie, the old token used up', async () => {
      const user = await t.factory.user({ role: 'coordinator', tenant: bari });
      const first = await login(user);

      const res = await t.http.post('/api/auth/refresh').set('Cookie', cookieHeader(first.refresh));
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ accessToken: expect.any(String), expiresIn: t.config.accessTokenTtlSeconds, user: first.body.user });
      const second = refreshCookie(res)!;
      expect(second.value).not.toBe(first.refresh);
      expect(second.attributes).toEqual(expect.arrayContaining(['httponly', 'samesite=strict', 'path=/api/auth']));
      expect((await t.http.get('/api/auth/me').set('Authorization', `Bearer ${res.body.accessToken}`)).status).toBe(200);

      const rows = await t.db.query(
        `SELECT family_id, used_at IS NOT NULL AS used, revoked_at FROM refresh_tokens WHERE user_id = $1 ORDER BY created_at`,
        [user.id],
      );
      expect(rows).toHaveLength(2);
      expect(rows[0]).toMatchObject({ used: true, revoked_at: null });
      expect(rows[1]).toMatchObject({ used: false, revoked_at: null, family_id: rows[0].family_id });

      // The new one rotates again.
      const third = await t.http.post('/api/auth/refresh').set('Cookie', cookieHeader(second.value));
      expect(third.status).toBe(200);
    });

    it('treats a reused refresh token as stolen: 401, and the whole family is revoked, even its newest token', async () => {
      const user = await t.factory.user({ role: 'innovator', tenant: bari });
      const other = await login(user); // another device: a different family, untouched
      const first = await login(user);
      const rotated = refreshCookie(await t.http.post('/api/auth/refresh').set('Cookie', cookieHeader(first.refresh)))!.value;

      const reuse = await t.http.post('/api/auth/refresh').set('Cookie', cookieHeader(first.refresh));
      expect(reuse.status).toBe(401);
      expect(reuse.body.code).toBe('SESSION_EXPIRED');
      expect(refreshCookie(reuse)).toBeUndefined();

      const newest = await t.http.post('/api/auth/refresh').set('Cookie', cookieHeader(rotated));
      expect(newest.status).toBe(401);
      expect(newest.body.code).toBe('SESSION_EXPIRED');

      const reasons = await t.db.query(
        `SELECT DISTINCT revoked_reason FROM refresh_tokens WHERE user_id = $1 AND family_id = (SELECT family_id FROM refresh_tokens WHERE token_hash = $2)`,
        [user.id, createHash('sha256').update(first.refresh).digest('hex')],
      );
      expect(reasons).toEqual([{ revoked_reason: 'reuse' }]);
      expect(await auditOf(user.id, 'refresh_reuse')).toHaveLength(1);
      expect((await t.http.post('/api/auth/refresh').set('Cookie', cookieHeader(other.refresh))).status).toBe(200);
    });

    it('refuses a missing, unknown or expired refresh token', async () => {
      const user = await t.factory.user({ role: 'coordinator', tenant: bari });
      const session = await login(user);
      expect((await t.http.post('/api/auth/refresh')).status).toBe(401);
      expect((await t.http.post('/api/auth/refresh').set('Cookie', cookieHeader('made-up-token'))).status).toBe(401);

      await t.db.query(`UPDATE refresh_tokens SET expires_at = now() - interval '1 second' WHERE user_id = $1`, [user.id]);
      const expired = await t.http.post('/api/auth/refresh').set('Cookie', cookieHeader(session.refresh));
      expect(expired.status).toBe(401);
      expect(expired.body.code).toBe('SESSION_EXPIRED');
    });
  });

  describe('logout', () => {
    it('revokes the session, clears the cookie and answers 204', async () => {
      const user = await t.factory.user({ role: 'coordinator', tenant: bari });
      const session = await login(user);
      const res = await t.http.post('/api/auth/logout').set('Cookie', cookieHeader(session.refresh));
      expect(res.status).toBe(204);
      const cleared = refreshCookie(res)!;
      expect(cleared.value).toBe('');
      expect(cleared.attributes).toEqual(expect.arrayContaining(['path=/api/auth', 'expires=thu, 01 jan 1970 00:00:00 gmt']));

      expect((await t.http.post('/api/auth/refresh').set('Cookie', cookieHeader(session.refresh))).status).toBe(401);
      const [row] = await t.db.query(`SELECT revoked_reason FROM refresh_tokens WHERE user_id = $1`, [user.id]);
      expect(row.revoked_reason).toBe('logout');
      expect(await auditOf(user.id, 'logout')).toEqual([expect.objectContaining({ actor_id: user.id })]);
    });

    it('answers 204 without a cookie too', async () => {
      expect((await t.http.post('/api/auth/logout')).status).toBe(204);
    });
  });

  describe('me', () => {
    it("returns a municipality user's territory", async () => {
      const user = await t.factory.user({ role: 'municipality', tenant: bari, scopeSocialArea: 'ATS_BA_MOLFETTA' });
      const { accessToken } = await login(user);
      const res = await t.http.get('/api/auth/me').set('Authorization', `Bearer ${accessToken}`);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        role: 'municipality',
        assignedMunicipalities: [],
        territory: { kind: 'social_area', code: 'ATS_BA_MOLFETTA', name: 'Ambito ATS_BA_MOLFETTA' },
      });
    });

    it('needs an access token', async () => {
      const res = await t.http.get('/api/auth/me');
      expect(res.status).toBe(401);
      expect(res.body.code).toBe('UNAUTHENTICATED');
      expect((await t.http.get('/api/auth/me').set('Authorization', 'Bearer not.a.token')).status).toBe(401);
    });
  });

  describe('password change', () => {
    it('ends every session: refresh tokens revoked and older access tokens refused; the new password works at once', async () => {
      const user = await t.factory.user({ role: 'innovator', tenant: bari, municipalities: ['072029'] });
      const phone = await login(user);
      const laptop = await login(user);

      const res = await t.http
        .post('/api/auth/password')
        .set('Authorization', `Bearer ${laptop.accessToken}`)
        .set('Cookie', cookieHeader(laptop.refresh))
        .send({ currentPassword: user.password, newPassword: 'A-brand-new-passphrase' });
      expect(res.status).toBe(204);
      expect(refreshCookie(res)?.value).toBe('');

      for (const session of [phone, laptop]) {
        const me = await t.http.get('/api/auth/me').set('Authorization', `Bearer ${session.accessToken}`);
        expect(me.status).toBe(401);
        expect((await t.http.post('/api/auth/refresh').set('Cookie', cookieHeader(session.refresh))).status).toBe(401);
      }
      const revoked = await t.db.query(`SELECT revoked_reason FROM refresh_tokens WHERE user_id = $1`, [user.id]);
      expect(revoked).toEqual([{ revoked_reason: 'password_change' }, { revoked_reason: 'password_change' }]);
      expect(await auditOf(user.id, 'password_change')).toEqual([
        expect.objectContaining({ actor_id: user.id, after: { sessionsRevoked: 2 } }),
      ]);

      expect((await t.http.post('/api/auth/login').send({ email: user.email, password: user.password })).status).toBe(401);
      // Signing in again right away (within the same second as the change) gives a working token.
      const fresh = await login({ email: user.email, password: 'A-brand-new-passphrase' });
      expect((await t.http.get('/api/auth/me').set('Authorization', `Bearer ${fresh.accessToken}`)).status).toBe(200);
    });

    it('refuses a wrong current password and a short new one, changing nothing', async () => {
      const user = await t.factory.user({ role: 'coordinator', tenant: bari });
      const session = await login(user);
      const auth = { Authorization: `Bearer ${session.accessToken}` };

      const wrong = await t.http
        .post('/api/auth/password')
        .set(auth)
        .send({ currentPassword: 'not-my-password', newPassword: 'A-brand-new-passphrase' });
      expect(wrong.status).toBe(400);
      expect(wrong.body).toMatchObject({
        code: 'CURRENT_PASSWORD_WRONG',
        details: [{ field: 'currentPassword', messages: expect.any(Array) }],
      });

      const short = await t.http.post('/api/auth/password').set(auth).send({ currentPassword: user.password, newPassword: 'short' });
      expect(short.status).toBe(400);
      expect(short.body.details).toEqual([expect.objectContaining({ field: 'newPassword' })]);

      expect((await t.http.get('/api/auth/me').set(auth)).status).toBe(200);
      expect(await auditOf(user.id, 'password_change')).toHaveLength(0);
      await login(user);
    });
  });

  describe('deactivation', () => {
    it("stops a deactivated user's access token and refresh token at once", async () => {
      const coordinator = await t.factory.user({ role: 'coordinator', tenant: bari });
      const innovator = await t.factory.user({ role: 'innovator', tenant: bari });
      const session = await login(innovator);
      const coordinatorToken = await t.factory.token(coordinator);
      expect((await t.http.get('/api/auth/me').set('Authorization', `Bearer ${session.accessToken}`)).status).toBe(200);

      const current = await t.http.get(`/api/users/${innovator.id}`).set('Authorization', `Bearer ${coordinatorToken}`);
      const patch = await t.http
        .patch(`/api/users/${innovator.id}`)
        .set('Authorization', `Bearer ${coordinatorToken}`)
        .send({ version: current.body.version, active: false });
      expect(patch.status).toBe(200);
      expect(patch.body.active).toBe(false);

      expect((await t.http.get('/api/auth/me').set('Authorization', `Bearer ${session.accessToken}`)).status).toBe(401);
      expect((await t.http.post('/api/auth/refresh').set('Cookie', cookieHeader(session.refresh))).status).toBe(401);
      const [token] = await t.db.query(`SELECT revoked_reason FROM refresh_tokens WHERE user_id = $1`, [innovator.id]);
      expect(token.revoked_reason).toBe('deactivated');
    });
  });
});

describe('auth throttling per client address', () => {
  let t: TestApp;
  let bari: TestTenant;

  beforeAll(async () => {
    t = await createTestApp({ LOGIN_RATE_PER_MINUTE: '20' });
    ({ bari } = await t.factory.twoTenants());
  });
  afterAll(() => t.close());

  it('lets 20 sign-ins a minute through from one address (a municipal office behind NAT), refuses the 21st with 429 RATE_LIMITED, and not other addresses', async () => {
    const office = '198.51.100.20';
    const users = await Promise.all(Array.from({ length: 4 }, () => t.factory.user({ role: 'innovator', tenant: bari })));
    for (let i = 0; i < 20; i += 1) {
      const user = users[i % users.length];
      const res = await t.http.post('/api/auth/login').set('X-Forwarded-For', office).send({ email: user.email, password: user.password });
      expect(res.status).toBe(200);
    }
    const over = await t.http
      .post('/api/auth/login')
      .set('X-Forwarded-For', office)
      .send({ email: users[0].email, password: 'wrong-password-x' });
    expect(over.status).toBe(429);
    expect(over.body).toMatchObject({ statusCode: 429, code: 'RATE_LIMITED' });
    expect(Number(over.headers['retry-after'])).toBeGreaterThan(0);
    // Refused before the credentials were looked at: not counted as a failure of that account.
    const [row] = await t.db.query(`SELECT failed_logins FROM users WHERE id = $1`, [users[0].id]);
    expect(row.failed_logins).toBe(0);

    const elsewhere = await t.http
      .post('/api/auth/login')
      .set('X-Forwarded-For', '203.0.113.9')
      .send({ email: users[0].email, password: users[0].password });
    expect(elsewhere.status).toBe(200);
  });

  it('throttles refresh per address too', async () => {
    const address = '198.51.100.77';
    for (let i = 0; i < 20; i += 1) {
      expect((await t.http.post('/api/auth/refresh').set('X-Forwarded-For', address)).status).toBe(401);
    }
    const over = await t.http.post('/api/auth/refresh').set('X-Forwarded-For', address);
    expect(over.status).toBe(429);
    expect(over.body.code).toBe('RATE_LIMITED');
  });
});

describe('auth in production mode', () => {
  let t: TestApp;
  beforeAll(async () => {
    // production requires DATABASE_URL to be set; the test app connects to its own test database regardless
    t = await createTestApp({ NODE_ENV: 'production', DATABASE_URL: 'postgres://unused.invalid/trama' });
  });
  afterAll(() => t.close());

  it('marks the refresh cookie Secure', async () => {
    const user = await t.factory.user({ role: 'admin' });
    const res = await t.http.post('/api/auth/login').send({ email: user.email, password: user.password });
    expect(res.status).toBe(200);
    expect(refreshCookie(res)!.attributes).toEqual(expect.arrayContaining(['secure', 'httponly', 'samesite=strict', 'path=/api/auth']));
  });
});
