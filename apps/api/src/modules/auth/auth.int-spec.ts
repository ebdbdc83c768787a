import { createHash, randomUUID } from 'node:crypto';
import { JwtService } from '@nestjs/jwt';
import { createTestApp, type TestApp } from '../../test/test-app';
import { SignInStatePruner } from './sign-in-state.pruner';
import type { TestTenant, TestUser } from '../../test/factories';

/** A cookie set by a response: its value and its attributes, lower-cased. */
function setCookie(
  res: { headers: Record<string, unknown> },
  name: string,
): { value: string; attributes: string[]; raw: string } | undefined {
  const header = res.headers['set-cookie'];
  const cookies = Array.isArray(header) ? (header as string[]) : typeof header === 'string' ? [header] : [];
  const raw = cookies.find((c) => c.startsWith(`${name}=`));
  if (!raw) return undefined;
  const [pair, ...attributes] = raw.split(';').map((p) => p.trim());
  return { value: decodeURIComponent(pair.slice(name.length + 1)), attributes: attributes.map((a) => a.toLowerCase()), raw };
}
const refreshCookie = (res: { headers: Record<string, unknown> }) => setCookie(res, 'trama_refresh');
const deviceCookie = (res: { headers: Record<string, unknown> }) => setCookie(res, 'trama_device');

const cookieHeader = (value: string) => `trama_refresh=${encodeURIComponent(value)}`;
const deviceHeader = (value: string) => `trama_device=${encodeURIComponent(value)}`;
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const emailKey = (email: string) => sha256(`email:${email.trim().toLowerCase()}`);
/** The back-off message without its timestamp, which differs by the milliseconds between two answers. */
const withoutInstant = (body: { message: string }) => ({ ...body, message: body.message.replace(/\(after [^)]+\)/, '(after …)') });

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
          passwordChangeRequired: false,
        },
      });
      const payload = jwtPayload(res.body.accessToken);
      expect(payload).toMatchObject({
        sub: user.id,
        role: 'innovator',
        tenant: bari.id,
        pwdChangedAt: expect.any(Number),
        sid: expect.any(String),
      });
      expect(payload.exp).toBe((payload.iat as number) + t.config.accessTokenTtlSeconds);
      expect(JSON.parse(Buffer.from(res.body.accessToken.split('.')[0], 'base64url').toString())).toMatchObject({ alg: 'HS256' });

      const cookie = refreshCookie(res)!;
      expect(cookie.value.length).toBeGreaterThanOrEqual(43);
      expect(cookie.attributes).toEqual(
        expect.arrayContaining(['httponly', 'samesite=strict', 'path=/api/auth', `max-age=${t.config.refreshTokenTtlDays * 86400}`]),
      );
      expect(cookie.attributes).not.toContain('secure'); // Secure only in production (tests run on plain http)

      // Stored only as a SHA-256 hash, in a new family: the session the access token names.
      const tokens = await t.db.query(`SELECT token_hash, family_id, used_at, revoked_at FROM refresh_tokens WHERE user_id = $1`, [
        user.id,
      ]);
      expect(tokens).toEqual([
        {
          token_hash: createHash('sha256').update(cookie.value).digest('hex'),
          family_id: payload.sid,
          used_at: null,
          revoked_at: null,
        },
      ]);
      const [row] = await t.db.query(`SELECT last_login_at FROM users WHERE id = $1`, [user.id]);
      expect(row.last_login_at).not.toBeNull();

      // A device cookie: sent only to the sign-in route, kept as a hash, outliving the session.
      const device = deviceCookie(res)!;
      expect(device.attributes).toEqual(
        expect.arrayContaining(['httponly', 'samesite=strict', 'path=/api/auth/login', `max-age=${180 * 86400}`]),
      );
      expect(await t.db.query(`SELECT user_id FROM sign_in_devices WHERE token_hash = $1`, [sha256(device.value)])).toEqual([
        { user_id: user.id },
      ]);
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
          after: expect.objectContaining({ reason: 'wrong_password', failuresFromClient: 1, failuresOfEmail: 1 }),
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
      const [row] = await t.db.query(`SELECT last_login_at FROM users WHERE id = $1`, [user.id]);
      expect(row).toEqual({ last_login_at: null });
      expect(await t.db.query(`SELECT 1 FROM sign_in_backoff WHERE email_key = $1`, [emailKey(user.email)])).toHaveLength(0);
    });
  });

  describe('back-off', () => {
    const attempt = (email: string, password: string) => t.http.post('/api/auth/login').send({ email, password });

    it('treats an unknown email exactly like a known one through the whole sequence: statuses, bodies, Retry-After, timing', async () => {
      const max = t.config.loginMaxFailures;
      const user = await t.factory.user({ role: 'innovator', tenant: bari });
      const ghost = `ghost.${randomUUID().slice(0, 8)}@trama.test`;
      const sequence = async (email: string, rightPassword: string) => {
        const answers: { status: number; body: { message: string }; retryAfter: unknown; ms: number }[] = [];
        const passwords = [...Array.from({ length: max }, (_, i) => `wrong-password-${i}`), rightPassword, 'wrong-again'];
        for (const password of passwords) {
          const started = performance.now();
          const res = await attempt(email, password);
          answers.push({ status: res.status, body: res.body, retryAfter: res.headers['retry-after'], ms: performance.now() - started });
          expect(refreshCookie(res)).toBeUndefined();
        }
        return answers;
      };
      const known = await sequence(user.email, user.password);
      const unknown = await sequence(ghost, 'any-password-1');

      const expected = [...Array(max - 1).fill(401), 423, 423, 423];
      expect(known.map((a) => a.status)).toEqual(expected);
      expect(unknown.map((a) => a.status)).toEqual(expected);
      expect(unknown.map((a) => withoutInstant(a.body))).toEqual(known.map((a) => withoutInstant(a.body)));
      expect(unknown.map((a) => a.retryAfter)).toEqual(known.map((a) => a.retryAfter));
      expect(known[0].body).toEqual({ statusCode: 401, error: 'Unauthorized', code: 'INVALID_CREDENTIALS', message: expect.any(String) });
      expect(known[max - 1].body).toMatchObject({ statusCode: 423, code: 'ACCOUNT_LOCKED' });
      expect(known[max - 1].body.message).toMatch(/try again in 1 minute \(after /);
      expect(Number(known[max].retryAfter)).toBeGreaterThan(50);
      expect(Number(known[max].retryAfter)).toBeLessThanOrEqual(60);

      // Timing: a failure checks a password hash for both (the unknown email against a dummy one);
      // a refusal while backing off checks none for both.
      const median = (xs: number[]) => [...xs].sort((p, q) => p - q)[Math.floor(xs.length / 2)];
      const knownFail = median(known.slice(0, max - 1).map((a) => a.ms));
      const unknownFail = median(unknown.slice(0, max - 1).map((a) => a.ms));
      console.log(`sign-in timing (median ms): wrong password ${knownFail.toFixed(1)}, unknown email ${unknownFail.toFixed(1)}`);
      expect(Math.max(knownFail, unknownFail) / Math.min(knownFail, unknownFail)).toBeLessThan(3);

      // The same state is kept for both, and the same kind of audit entries.
      const counters = await t.db.query(
        `SELECT email_key, client_key = '' AS every_client, failures FROM sign_in_backoff WHERE email_key IN ($1, $2) ORDER BY 2, 1`,
        [emailKey(user.email), emailKey(ghost)],
      );
      expect(counters.map((c: { every_client: boolean; failures: number }) => [c.every_client, c.failures])).toEqual([
        [false, max],
        [false, max],
        [true, max],
        [true, max],
      ]);
      const reasons = await t.db.query(
        `SELECT after->>'reason' AS reason FROM audit_log WHERE action = 'login_failure' AND (entity_id = $1 OR after->>'email' = $2) ORDER BY id`,
        [user.id, ghost],
      );
      expect(reasons.map((r: { reason: string }) => r.reason)).toEqual([
        ...Array(max).fill('wrong_password'),
        'backing_off',
        'backing_off',
        ...Array(max).fill('unknown_email'),
        'backing_off',
        'backing_off',
      ]);
    });

    it('backs off by growing delays (1, 2, 4 minutes), each ending on its own, and a success clears the count', async () => {
      const max = t.config.loginMaxFailures;
      const user = await t.factory.user({ role: 'innovator', tenant: bari });
      const elapse = () =>
        t.db.query(
          `UPDATE sign_in_backoff SET blocked_until = now() - interval '1 second' WHERE email_key = $1 AND blocked_until IS NOT NULL`,
          [emailKey(user.email)],
        );
      for (let i = 1; i < max; i += 1) expect((await attempt(user.email, `wrong-password-${i}`)).status).toBe(401);
      for (const minutes of [1, 2, 4]) {
        const res = await attempt(user.email, 'wrong-password-x');
        expect(res.status).toBe(423);
        expect(res.body.message).toMatch(new RegExp(`try again in ${minutes} minutes? \\(after `));
        expect((await attempt(user.email, user.password)).status).toBe(423);
        await elapse();
      }
      // The last back-off ran out: the right password works and the count starts again.
      expect((await attempt(user.email, user.password)).status).toBe(200);
      expect(await t.db.query(`SELECT client_key FROM sign_in_backoff WHERE email_key = $1`, [emailKey(user.email)])).toEqual([]);
      for (let i = 1; i < max; i += 1) expect((await attempt(user.email, 'wrong-password-y')).status).toBe(401);
      expect((await attempt(user.email, user.password)).status).toBe(200);
      expect(await t.db.query(`SELECT 1 FROM audit_log WHERE action = 'lockout' AND entity_id = $1`, [user.id])).toHaveLength(3);
    });

    it('never backs off longer than LOCKOUT_MINUTES', async () => {
      const user = await t.factory.user({ role: 'innovator', tenant: bari });
      for (let i = 0; i < t.config.loginMaxFailures; i += 1) await attempt(user.email, 'wrong-password-x');
      // Many back-offs later: the next failure would earn 2^30 minutes.
      await t.db.query(
        `UPDATE sign_in_backoff SET failures = 35, blocked_until = now() - interval '1 second' WHERE email_key = $1 AND client_key <> ''`,
        [emailKey(user.email)],
      );
      const res = await attempt(user.email, 'wrong-password-x');
      expect(res.status).toBe(423);
      expect(res.body.message).toMatch(new RegExp(`try again in ${t.config.lockoutMinutes} minutes`));
      expect(Number(res.headers['retry-after'])).toBeLessThanOrEqual(t.config.lockoutMinutes * 60);
    });

    it('forgets failures after a quiet day, and the pruner deletes idle counters but not running back-offs', async () => {
      const user = await t.factory.user({ role: 'innovator', tenant: bari });
      const other = await t.factory.user({ role: 'innovator', tenant: bari });
      for (let i = 1; i < t.config.loginMaxFailures; i += 1) await attempt(user.email, 'wrong-password-x');
      for (let i = 0; i < t.config.loginMaxFailures; i += 1) await attempt(other.email, 'wrong-password-x');
      await t.db.query(`UPDATE sign_in_backoff SET last_failure_at = now() - interval '25 hours' WHERE email_key IN ($1, $2)`, [
        emailKey(user.email),
        emailKey(other.email),
      ]);
      // A failure after a quiet day counts from 1 again.
      expect((await attempt(user.email, 'wrong-password-x')).status).toBe(401);
      expect(await t.db.query(`SELECT DISTINCT failures FROM sign_in_backoff WHERE email_key = $1`, [emailKey(user.email)])).toEqual([
        { failures: 1 },
      ]);
      await t.db.query(`UPDATE sign_in_backoff SET last_failure_at = now() - interval '25 hours' WHERE email_key = $1`, [
        emailKey(user.email),
      ]);
      const pruned = await t.app.get(SignInStatePruner).prune();
      expect(pruned.backoffCounters).toBeGreaterThanOrEqual(2);
      expect(await t.db.query(`SELECT 1 FROM sign_in_backoff WHERE email_key = $1`, [emailKey(user.email)])).toHaveLength(0);
      // `other` is still backing off from this client: kept.
      expect(
        await t.db.query(`SELECT 1 FROM sign_in_backoff WHERE email_key = $1 AND blocked_until > now()`, [emailKey(other.email)]),
      ).toHaveLength(1);
    });

    it('lifts every back-off of the email when a coordinator resets the password, and shows the lock to them meanwhile', async () => {
      const coordinator = await t.factory.user({ role: 'coordinator', tenant: bari });
      const user = await t.factory.user({ role: 'innovator', tenant: bari });
      const coordinatorToken = await t.factory.token(coordinator);
      // The e-mail-wide back-off (what strangers from many addresses cause), as if 20 failures had come in.
      await t.db.query(
        `INSERT INTO sign_in_backoff (email_key, client_key, failures, blocked_until) VALUES ($1, '', $2, now() + interval '5 minutes')`,
        [emailKey(user.email), t.config.loginEmailMaxFailures],
      );
      expect((await attempt(user.email, user.password)).status).toBe(423);
      const shown = await t.http.get(`/api/users/${user.id}`).set('Authorization', `Bearer ${coordinatorToken}`);
      expect(new Date(shown.body.lockedUntil).getTime()).toBeGreaterThan(Date.now() + 4 * 60_000);

      const reset = await t.http.post(`/api/users/${user.id}/reset-password`).set('Authorization', `Bearer ${coordinatorToken}`);
      expect(reset.status).toBe(200);
      expect(await t.db.query(`SELECT 1 FROM sign_in_backoff WHERE email_key = $1`, [emailKey(user.email)])).toHaveLength(0);
      expect((await attempt(user.email, reset.body.temporaryPassword)).status).toBe(200);
      const [entry] = await auditOf(user.id, 'password_reset');
      expect(entry.before).toEqual({ lockedUntil: expect.any(String) });
      expect(entry.after).toMatchObject({ lockedUntil: null, backoffsLifted: 1 });
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
      // The session's access tokens end with it, at once; the other device's go on.
      expect((await t.http.get('/api/auth/me').set('Authorization', `Bearer ${first.accessToken}`)).status).toBe(401);
      expect((await t.http.get('/api/auth/me').set('Authorization', `Bearer ${other.accessToken}`)).status).toBe(200);

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
    it('ends the access token at once, not only the refresh token; other sessions go on', async () => {
      const user = await t.factory.user({ role: 'innovator', tenant: bari });
      const laptop = await login(user);
      const phone = await login(user);
      const me = (token: string) => t.http.get('/api/auth/me').set('Authorization', `Bearer ${token}`);
      expect((await me(laptop.accessToken)).status).toBe(200);

      expect((await t.http.post('/api/auth/logout').set('Cookie', cookieHeader(laptop.refresh))).status).toBe(204);
      const after = await me(laptop.accessToken);
      expect(after.status).toBe(401);
      expect(after.body.code).toBe('UNAUTHENTICATED');
      expect((await t.http.get('/api/users').set('Authorization', `Bearer ${laptop.accessToken}`)).status).toBe(401);
      expect((await me(phone.accessToken)).status).toBe(200);
      // A refreshed access token of the ended session is refused too (the refresh is refused first anyway).
      expect((await t.http.post('/api/auth/refresh').set('Cookie', cookieHeader(laptop.refresh))).status).toBe(401);
    });

    it('refuses an access token without a session id (issued before sessions were checked)', async () => {
      const user = await t.factory.user({ role: 'coordinator', tenant: bari });
      const { accessToken } = await login(user);
      const payload = jwtPayload(accessToken);
      delete payload.sid;
      const jwt = t.app.get(JwtService);
      const legacy = await jwt.signAsync(payload);
      expect((await t.http.get('/api/auth/me').set('Authorization', `Bearer ${legacy}`)).status).toBe(401);
      const forged = await jwt.signAsync({ ...payload, sid: randomUUID() });
      expect((await t.http.get('/api/auth/me').set('Authorization', `Bearer ${forged}`)).status).toBe(401);
      const garbage = await jwt.signAsync({ ...payload, sid: "x' OR true --" });
      expect((await t.http.get('/api/auth/me').set('Authorization', `Bearer ${garbage}`)).status).toBe(401);
      expect((await t.http.get('/api/auth/me').set('Authorization', `Bearer ${accessToken}`)).status).toBe(200);
    });

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

describe('auth throttling and back-off per client address (behind one trusted proxy)', () => {
  let t: TestApp;
  let bari: TestTenant;

  beforeAll(async () => {
    // TRUST_PROXY=1: the address the one proxy in front (here: the test itself) appends to X-Forwarded-For.
    t = await createTestApp({ LOGIN_RATE_PER_MINUTE: '20', TRUST_PROXY: '1' });
    ({ bari } = await t.factory.twoTenants());
  });
  afterAll(() => t.close());

  const from = (address: string) => ({ 'X-Forwarded-For': address });
  const signIn = (address: string, email: string, password: string, cookie?: string) => {
    const req = t.http.post('/api/auth/login').set(from(address));
    return (cookie ? req.set('Cookie', cookie) : req).send({ email, password });
  };

  it('lets 20 sign-ins a minute through from one address (a municipal office behind NAT), refuses the 21st with 429 RATE_LIMITED, and not other addresses', async () => {
    const office = '198.51.100.20';
    const users = await Promise.all(Array.from({ length: 4 }, () => t.factory.user({ role: 'innovator', tenant: bari })));
    for (let i = 0; i < 20; i += 1) {
      const user = users[i % users.length];
      const res = await signIn(office, user.email, user.password);
      expect(res.status).toBe(200);
    }
    const over = await signIn(office, users[0].email, 'wrong-password-x');
    expect(over.status).toBe(429);
    expect(over.body).toMatchObject({ statusCode: 429, code: 'RATE_LIMITED' });
    expect(Number(over.headers['retry-after'])).toBeGreaterThan(0);
    // Refused before the credentials were looked at: not counted as a failure of that e-mail.
    expect(await t.db.query(`SELECT 1 FROM sign_in_backoff WHERE email_key = $1`, [emailKey(users[0].email)])).toHaveLength(0);

    expect((await signIn('203.0.113.9', users[0].email, users[0].password)).status).toBe(200);

    // The window slides: once the oldest requests are a minute old, the office gets in again.
    await t.db.query(`UPDATE rate_limit_hits SET hits = array(SELECT h - interval '61 seconds' FROM unnest(hits) h)`);
    expect((await signIn(office, users[1].email, users[1].password)).status).toBe(200);
  });

  it('throttles refresh per address too', async () => {
    const address = '198.51.100.77';
    for (let i = 0; i < 20; i += 1) {
      expect((await t.http.post('/api/auth/refresh').set(from(address))).status).toBe(401);
    }
    const over = await t.http.post('/api/auth/refresh').set(from(address));
    expect(over.status).toBe(429);
    expect(over.body.code).toBe('RATE_LIMITED');
    const [row] = await t.db.query(`SELECT cardinality(hits) AS hits, last_accepted FROM rate_limit_hits ORDER BY expires_at DESC LIMIT 1`);
    expect(row).toEqual({ hits: 20, last_accepted: false });
  });

  it("does not let a stranger's failures from one address lock the owner out of another", async () => {
    const user = await t.factory.user({ role: 'innovator', tenant: bari });
    for (let i = 0; i < t.config.loginMaxFailures + 2; i += 1) await signIn('198.51.100.30', user.email, 'wrong-password-x');
    expect((await signIn('198.51.100.30', user.email, user.password)).status).toBe(423);
    expect((await signIn('203.0.113.30', user.email, user.password)).status).toBe(200);
  });

  it("backs the email off for new browsers when strangers fail from many addresses, but the owner's known browser signs in; an unknown email alike", async () => {
    const user = await t.factory.user({ role: 'innovator', tenant: bari });
    const known = deviceCookie(await signIn('203.0.113.40', user.email, user.password))!.value;
    const ghost = `ghost.${randomUUID().slice(0, 8)}@trama.test`;
    const max = t.config.loginMaxFailures;
    const addresses = Math.ceil(t.config.loginEmailMaxFailures / max);
    for (const email of [user.email, ghost]) {
      const statuses: number[] = [];
      for (let a = 0; a < addresses; a += 1) {
        for (let i = 0; i < max; i += 1) statuses.push((await signIn(`198.51.101.${a}`, email, 'wrong-password-x')).status);
      }
      // Each address backs off after its own failures; the last failure also starts the e-mail-wide back-off.
      expect(statuses.filter((x) => x === 423)).toHaveLength(addresses);
    }
    const fresh = await signIn('203.0.113.41', user.email, user.password);
    expect(fresh.status).toBe(423);
    expect(fresh.body.message).toMatch(/try again in 1 minute/);
    const freshGhost = await signIn('203.0.113.41', ghost, 'any-password-1');
    expect(freshGhost.status).toBe(423);
    expect(withoutInstant(freshGhost.body)).toEqual(withoutInstant(fresh.body));

    // The owner's browser (device cookie of this e-mail) is not locked out, from yet another address.
    const owner = await signIn('203.0.113.42', user.email, user.password, deviceHeader(known));
    expect(owner.status).toBe(200);
    expect(deviceCookie(owner)).toBeUndefined(); // still the same device: no new cookie
    // A device cookie of another e-mail, or a made-up one, does not count.
    expect((await signIn('203.0.113.43', ghost, 'any-password-1', deviceHeader(known))).status).toBe(423);
    expect((await signIn('203.0.113.43', user.email, user.password, deviceHeader('made-up'))).status).toBe(423);
    const [audit] = await t.db.query(
      `SELECT after FROM audit_log WHERE action = 'login_success' AND entity_id = $1 ORDER BY id DESC LIMIT 1`,
      [user.id],
    );
    expect(audit.after).toEqual({ ip: '203.0.113.42', knownDevice: true });
  });
});

describe('auth without TRUST_PROXY (the default)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ LOGIN_RATE_PER_MINUTE: '20' });
  });
  afterAll(() => t.close());

  it('ignores X-Forwarded-For: a caller cannot pick the address the throttle counts', async () => {
    for (let i = 0; i < 20; i += 1) {
      expect((await t.http.post('/api/auth/refresh').set('X-Forwarded-For', `198.51.100.${i}`)).status).toBe(401);
    }
    const over = await t.http.post('/api/auth/refresh').set('X-Forwarded-For', '203.0.113.200');
    expect(over.status).toBe(429);
    const res = await t.http.post('/api/auth/login').set('X-Forwarded-For', '203.0.113.1').send({ email: 'x@trama.test', password: 'y' });
    expect(res.status).toBe(401);
    const [entry] = await t.db.query(`SELECT after->>'ip' AS ip FROM audit_log WHERE action = 'login_failure' ORDER BY id DESC LIMIT 1`);
    expect(entry.ip).toMatch(/127\.0\.0\.1$/);
  });
});

describe('auth in production mode', () => {
  let t: TestApp;
  beforeAll(async () => {
    // production requires DATABASE_URL to be set; the test app connects to its own test database regardless
    t = await createTestApp({
      NODE_ENV: 'production',
      DATABASE_URL: 'postgres://unused.invalid/trama',
      SMTP_URL: 'smtp://127.0.0.1:1',
      APP_ORIGIN: 'http://trama.intranet',
    });
  });
  afterAll(() => t.close());

  it('marks the refresh cookie Secure', async () => {
    const user = await t.factory.user({ role: 'admin' });
    const res = await t.http.post('/api/auth/login').send({ email: user.email, password: user.password });
    expect(res.status).toBe(200);
    expect(refreshCookie(res)!.attributes).toEqual(expect.arrayContaining(['secure', 'httponly', 'samesite=strict', 'path=/api/auth']));
  });
});
