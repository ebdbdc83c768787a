import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { createTestApp, type TestApp } from '../../test/test-app';
import type { TestTenant, TestUser } from '../../test/factories';
import { resetLinkOf, TestMailbox } from '../../test/test-mailbox';
import { PasswordResetService, RESET_REQUESTS_PER_EMAIL } from './password-reset.service';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const DAY = 86_400_000;

describe('temporary passwords', () => {
  let t: TestApp;
  let bari: TestTenant;
  let coordinator: TestUser;
  let coordinatorToken: string;

  beforeAll(async () => {
    t = await createTestApp();
    ({ bari } = await t.factory.twoTenants());
    coordinator = await t.factory.user({ role: 'coordinator', tenant: bari });
    coordinatorToken = await t.factory.token(coordinator);
  });
  afterAll(() => t.close());

  const as = (token: string) => ({ Authorization: `Bearer ${token}` });

  async function createInnovator(body: Record<string, unknown> = {}) {
    const email = `temp.${Date.now()}.${Math.random().toString(36).slice(2, 8)}@trama.test`;
    const res = await t.http
      .post('/api/users')
      .set(as(coordinatorToken))
      .send({ email, fullName: 'Tina Temporanea', role: 'innovator', municipalities: ['072029'], ...body });
    expect(res.status).toBe(201);
    return {
      id: res.body.user.id as string,
      email,
      password: (body.password as string | undefined) ?? (res.body.temporaryPassword as string),
    };
  }

  it('makes a created user change the password at the first sign-in, and the server refuses everything else until then', async () => {
    const before = Date.now();
    const user = await createInnovator();
    const [row] = await t.db.query('SELECT temporary_password_expires_at AS at FROM users WHERE id = $1', [user.id]);
    // TEMP_PASSWORD_DAYS defaults to 7
    expect(new Date(row.at).getTime()).toBeGreaterThanOrEqual(before + 7 * DAY - 5_000);
    expect(new Date(row.at).getTime()).toBeLessThanOrEqual(Date.now() + 7 * DAY + 5_000);

    const login = await t.http.post('/api/auth/login').send({ email: user.email, password: user.password });
    expect(login.status).toBe(200);
    expect(login.body.user.passwordChangeRequired).toBe(true);
    const token = login.body.accessToken as string;

    const me = await t.http.get('/api/auth/me').set(as(token));
    expect(me.status).toBe(200);
    expect(me.body.passwordChangeRequired).toBe(true);
    for (const path of ['/api/activities', '/api/organizations', '/api/tenants']) {
      const refused = await t.http.get(path).set(as(token));
      expect({ path, status: refused.status, code: refused.body.code }).toEqual({ path, status: 403, code: 'PASSWORD_CHANGE_REQUIRED' });
    }

    const changed = await t.http
      .post('/api/auth/password')
      .set(as(token))
      .send({ currentPassword: user.password, newPassword: 'Una-password-tutta-mia' });
    expect(changed.status).toBe(204);
    const [after] = await t.db.query('SELECT temporary_password_expires_at AS at FROM users WHERE id = $1', [user.id]);
    expect(after.at).toBeNull();

    const again = await t.http.post('/api/auth/login').send({ email: user.email, password: 'Una-password-tutta-mia' });
    expect(again.status).toBe(200);
    expect(again.body.user.passwordChangeRequired).toBe(false);
    expect((await t.http.get('/api/activities').set(as(again.body.accessToken))).status).toBe(200);
    const [entry] = await t.db.query(`SELECT after FROM audit_log WHERE entity_id = $1 AND action = 'password_change'`, [user.id]);
    expect(entry.after).toEqual(expect.objectContaining({ temporaryReplaced: true }));
  });

  it('treats a password the coordinator chose, and a coordinator reset, as temporary too', async () => {
    const chosen = await createInnovator({ password: 'Scelta-dal-coordinatore' });
    const login = await t.http.post('/api/auth/login').send({ email: chosen.email, password: chosen.password });
    expect(login.body.user.passwordChangeRequired).toBe(true);

    const reset = await t.http.post(`/api/users/${chosen.id}/reset-password`).set(as(coordinatorToken));
    expect(reset.status).toBe(200);
    const afterReset = await t.http.post('/api/auth/login').send({ email: chosen.email, password: reset.body.temporaryPassword });
    expect(afterReset.status).toBe(200);
    expect(afterReset.body.user.passwordChangeRequired).toBe(true);
  });

  it('does not ask users who chose their own password', async () => {
    const own = await t.factory.user({ role: 'innovator', tenant: bari });
    const login = await t.http.post('/api/auth/login').send({ email: own.email, password: own.password });
    expect(login.body.user.passwordChangeRequired).toBe(false);
  });

  it('refuses an expired temporary password with its own code, only to whoever knows it; a wrong one looks like an unknown e-mail', async () => {
    const user = await createInnovator();
    await t.db.query(`UPDATE users SET temporary_password_expires_at = now() - interval '1 minute' WHERE id = $1`, [user.id]);

    const expired = await t.http.post('/api/auth/login').send({ email: user.email, password: user.password });
    expect(expired.status).toBe(401);
    expect(expired.body.code).toBe('TEMPORARY_PASSWORD_EXPIRED');
    // The right password guesses nothing: no failure is counted.
    expect(await t.db.query(`SELECT 1 FROM sign_in_backoff WHERE email_key = $1`, [sha256(`email:${user.email}`)])).toHaveLength(0);

    const wrong = await t.http.post('/api/auth/login').send({ email: user.email, password: 'not-the-password' });
    const unknown = await t.http.post('/api/auth/login').send({ email: 'nobody.at.all@trama.test', password: 'not-the-password' });
    expect({ status: wrong.status, body: wrong.body }).toEqual({ status: unknown.status, body: unknown.body });
    expect(wrong.body.code).toBe('INVALID_CREDENTIALS');
  });
});

describe('password reset by e-mail', () => {
  let t: TestApp;
  let mailbox: TestMailbox;
  let bari: TestTenant;
  const ORIGIN = 'https://trama.example.it';

  beforeAll(async () => {
    mailbox = await TestMailbox.start();
    t = await createTestApp({ SMTP_URL: mailbox.url, APP_ORIGIN: ORIGIN, MAIL_FROM: 'Trama <trama@example.it>', TEMP_PASSWORD_DAYS: '3' });
    ({ bari } = await t.factory.twoTenants());
  });
  afterAll(async () => {
    await t.close();
    await mailbox.close();
  });

  const requestReset = (email: string, extra: Record<string, unknown> = {}) =>
    t.http.post('/api/auth/password-reset/request').send({ email, ...extra });
  const confirm = (token: string, newPassword = 'Nuova-password-sicura') =>
    t.http.post('/api/auth/password-reset/confirm').send({ token, newPassword });

  it('e-mails a single-use link to the configured origin that sets a new password and ends every session', async () => {
    const user = await t.factory.user({ role: 'innovator', tenant: bari, fullName: 'Ida Innovatrice' });
    const session = await t.http.post('/api/auth/login').send({ email: user.email, password: user.password });
    const cookie = (session.headers['set-cookie'] as unknown as string[]).find((c) => c.startsWith('trama_refresh='))!.split(';')[0];

    // A forged Host (and forwarded host) must not reach the link.
    const res = await requestReset(user.email).set('Host', 'evil.example').set('X-Forwarded-Host', 'evil.example');
    expect(res.status).toBe(202);
    const message = await mailbox.next(user.email);
    expect(message.parsed.from?.value).toEqual([{ name: 'Trama', address: 'trama@example.it' }]);
    expect(message.parsed.subject).toBe('Trama: reimposta la password');
    expect(message.parsed.text).toContain('Gentile Ida Innovatrice');
    expect(message.parsed.html).toEqual(expect.stringContaining('href="https://trama.example.it/reimposta-password?token='));
    const link = resetLinkOf(message);
    expect(link.origin).toBe(ORIGIN);
    expect(message.raw).not.toContain('evil.example');
    const token = link.searchParams.get('token')!;

    // Stored hashed only.
    const rows = await t.db.query(`SELECT token_hash, expires_at FROM password_reset_tokens WHERE user_id = $1`, [user.id]);
    expect(rows).toHaveLength(1);
    expect(rows[0].token_hash).toBe(sha256(token));
    // PASSWORD_RESET_TTL_MINUTES defaults to 30
    expect(new Date(rows[0].expires_at).getTime() - Date.now()).toBeLessThanOrEqual(30 * 60_000);
    expect(new Date(rows[0].expires_at).getTime() - Date.now()).toBeGreaterThan(25 * 60_000);

    // The password policy of the change: too short is refused, and the link stays usable.
    const short = await confirm(token, 'short');
    expect(short.status).toBe(400);
    expect(short.body.code).toBe('VALIDATION_FAILED');

    expect((await confirm(token)).status).toBe(204);
    expect((await t.http.post('/api/auth/login').send({ email: user.email, password: user.password })).status).toBe(401);
    const signedIn = await t.http.post('/api/auth/login').send({ email: user.email, password: 'Nuova-password-sicura' });
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.user.passwordChangeRequired).toBe(false);
    // The session opened before the reset has ended.
    expect((await t.http.post('/api/auth/refresh').set('Cookie', cookie)).status).toBe(401);
    const [entry] = await t.db.query(`SELECT after FROM audit_log WHERE entity_id = $1 AND action = 'password_reset_by_email'`, [user.id]);
    expect(entry.after).toEqual(expect.objectContaining({ sessionsRevoked: 1, linksUsed: 1 }));

    // Single use.
    const reused = await confirm(token, 'Ancora-un-altra-password');
    expect(reused.status).toBe(400);
    expect(reused.body.code).toBe('RESET_TOKEN_INVALID');
  });

  it('lets exactly one of two simultaneous confirms of one link win, and its password is the one that signs in', async () => {
    const user = await t.factory.user({ role: 'innovator', tenant: bari });
    expect((await requestReset(user.email)).status).toBe(202);
    const token = resetLinkOf(await mailbox.next(user.email)).searchParams.get('token')!;
    const [a, b] = await Promise.all([confirm(token, 'Prima-password-scelta'), confirm(token, 'Seconda-password-scelta')]);
    expect([a.status, b.status].sort()).toEqual([204, 400]);
    const winner = a.status === 204 ? 'Prima-password-scelta' : 'Seconda-password-scelta';
    const loser = a.status === 204 ? 'Seconda-password-scelta' : 'Prima-password-scelta';
    expect((await t.http.post('/api/auth/login').send({ email: user.email, password: winner })).status).toBe(200);
    expect((await t.http.post('/api/auth/login').send({ email: user.email, password: loser })).status).toBe(401);
    const entries = await t.db.query(`SELECT 1 FROM audit_log WHERE entity_id = $1 AND action = 'password_reset_by_email'`, [user.id]);
    expect(entries).toHaveLength(1);
  });

  it('voids the links of an account when it is deactivated: reactivated later, an old link no longer works', async () => {
    const coordinator = await t.factory.user({ role: 'coordinator', tenant: bari });
    const auth = { Authorization: `Bearer ${await t.factory.token(coordinator)}` };
    const user = await t.factory.user({ role: 'innovator', tenant: bari });
    expect((await requestReset(user.email)).status).toBe(202);
    const token = resetLinkOf(await mailbox.next(user.email)).searchParams.get('token')!;
    const read = async () => (await t.http.get(`/api/users/${user.id}`).set(auth).expect(200)).body as { version: number };
    await t.http
      .patch(`/api/users/${user.id}`)
      .set(auth)
      .send({ version: (await read()).version, active: false })
      .expect(200);
    await t.http
      .patch(`/api/users/${user.id}`)
      .set(auth)
      .send({ version: (await read()).version, active: true })
      .expect(200);
    const late = await confirm(token);
    expect({ status: late.status, code: late.body.code }).toEqual({ status: 400, code: 'RESET_TOKEN_INVALID' });
    expect((await t.http.post('/api/auth/login').send({ email: user.email, password: user.password })).status).toBe(200);
  });

  it('refuses an expired link, an unknown one and the link of a deactivated account with one answer', async () => {
    const user = await t.factory.user({ role: 'innovator', tenant: bari });
    expect((await requestReset(user.email)).status).toBe(202);
    const expiredToken = resetLinkOf(await mailbox.next(user.email)).searchParams.get('token')!;
    await t.db.query(`UPDATE password_reset_tokens SET expires_at = now() - interval '1 second' WHERE user_id = $1`, [user.id]);
    const expired = await confirm(expiredToken);

    const unknown = await confirm('A'.repeat(43));

    const leaving = await t.factory.user({ role: 'innovator', tenant: bari });
    expect((await requestReset(leaving.email)).status).toBe(202);
    const leavingToken = resetLinkOf(await mailbox.next(leaving.email)).searchParams.get('token')!;
    await t.db.query(`UPDATE users SET active = false WHERE id = $1`, [leaving.id]);
    const deactivated = await confirm(leavingToken);

    for (const res of [expired, unknown, deactivated]) {
      expect({ status: res.status, body: res.body }).toEqual({ status: unknown.status, body: unknown.body });
    }
    expect(unknown.status).toBe(400);
    expect(unknown.body.code).toBe('RESET_TOKEN_INVALID');
    expect((await t.http.post('/api/auth/login').send({ email: user.email, password: user.password })).status).toBe(200);
  });

  it('answers known, unknown and deactivated e-mails alike, and mails only the active account', async () => {
    const known = await t.factory.user({ role: 'coordinator', tenant: bari });
    const inactive = await t.factory.user({ role: 'innovator', tenant: bari, active: false });
    const unknown = `nessuno.${Date.now()}@trama.test`;

    const answers = [];
    for (const email of [unknown, inactive.email, known.email]) {
      const res = await requestReset(email);
      answers.push({ status: res.status, body: res.body, text: res.text, length: res.headers['content-length'] });
    }
    expect(answers[0].status).toBe(202);
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);

    await mailbox.next(known.email);
    await t.app.get(PasswordResetService).idle();
    expect(mailbox.to(unknown)).toHaveLength(0);
    expect(mailbox.to(inactive.email)).toHaveLength(0);
    expect(await t.db.query(`SELECT 1 FROM password_reset_tokens WHERE user_id = $1`, [inactive.id])).toHaveLength(0);
  });

  it('writes in the language asked for, else Accept-Language, else Italian, in plain text and HTML', async () => {
    const user = await t.factory.user({ role: 'innovator', tenant: bari });
    await requestReset(user.email, { language: 'en' });
    const english = await mailbox.next(user.email, 0);
    expect(english.parsed.subject).toBe('Trama: reset your password');
    expect(english.parsed.headers.get('content-language')).toBe('en');
    await requestReset(user.email).set('Accept-Language', 'en-GB,en;q=0.9,it;q=0.5');
    expect((await mailbox.next(user.email, 1)).parsed.subject).toBe('Trama: reset your password');
    await requestReset(user.email).set('Accept-Language', 'de-DE,de;q=0.9');
    const italian = await mailbox.next(user.email, 2);
    expect(italian.parsed.subject).toBe('Trama: reimposta la password');
    expect(italian.parsed.text).toMatch(/scade tra 30 minuti/);
    expect(italian.parsed.html).toMatch(/<html lang="it">/);
  });

  it('throttles requests per e-mail string, known or not, with the same answers', async () => {
    const known = await t.factory.user({ role: 'innovator', tenant: bari });
    const sequences: { status: number; code?: string; retryAfter?: string }[][] = [];
    for (const email of [`ignoto.${Date.now()}@trama.test`, known.email]) {
      const statuses = [];
      for (let i = 0; i <= RESET_REQUESTS_PER_EMAIL; i += 1) {
        const res = await requestReset(email);
        statuses.push({
          status: res.status,
          code: res.body.code as string | undefined,
          retryAfter: res.headers['retry-after'] ? 'set' : undefined,
        });
      }
      sequences.push(statuses);
    }
    expect(sequences[1]).toEqual(sequences[0]);
    expect(sequences[0].slice(0, RESET_REQUESTS_PER_EMAIL).every((s) => s.status === 202)).toBe(true);
    expect(sequences[0][RESET_REQUESTS_PER_EMAIL]).toEqual({ status: 429, code: 'PASSWORD_RESET_THROTTLED', retryAfter: 'set' });
    // Another address is not affected.
    expect((await requestReset(`altro.${Date.now()}@trama.test`)).status).toBe(202);
    await t.app.get(PasswordResetService).idle();
    expect(mailbox.to(known.email)).toHaveLength(RESET_REQUESTS_PER_EMAIL);
  });

  it('replaces a temporary password, even an expired one, and keeps TEMP_PASSWORD_DAYS for new ones', async () => {
    const coordinator = await t.factory.user({ role: 'coordinator', tenant: bari });
    const token = await t.factory.token(coordinator);
    const email = `scaduta.${Date.now()}@trama.test`;
    const created = await t.http
      .post('/api/users')
      .set({ Authorization: `Bearer ${token}` })
      .send({ email, fullName: 'Sara Scaduta', role: 'innovator', municipalities: ['072029'] });
    expect(created.status).toBe(201);
    const [row] = await t.db.query('SELECT temporary_password_expires_at AS at FROM users WHERE id = $1', [created.body.user.id]);
    expect(Math.round((new Date(row.at).getTime() - Date.now()) / DAY)).toBe(3);
    await t.db.query(`UPDATE users SET temporary_password_expires_at = now() - interval '1 day' WHERE id = $1`, [created.body.user.id]);
    expect((await t.http.post('/api/auth/login').send({ email, password: created.body.temporaryPassword })).body.code).toBe(
      'TEMPORARY_PASSWORD_EXPIRED',
    );

    await requestReset(email);
    expect((await confirm(resetLinkOf(await mailbox.next(email)).searchParams.get('token')!, 'La-mia-password-nuova')).status).toBe(204);
    const login = await t.http.post('/api/auth/login').send({ email, password: 'La-mia-password-nuova' });
    expect(login.status).toBe(200);
    expect(login.body.user.passwordChangeRequired).toBe(false);
  });

  it("voids the links already sent when the password is set another way (the user's change, a coordinator's reset)", async () => {
    const coordinator = await t.factory.user({ role: 'coordinator', tenant: bari });
    const user = await t.factory.user({ role: 'innovator', tenant: bari });
    await requestReset(user.email);
    const first = resetLinkOf(await mailbox.next(user.email, 0)).searchParams.get('token')!;
    const token = await t.factory.token(user);
    const own = await t.http
      .post('/api/auth/password')
      .set({ Authorization: `Bearer ${token}` })
      .send({ currentPassword: user.password, newPassword: 'Cambiata-da-me-stessa' });
    expect(own.status).toBe(204);
    expect((await confirm(first)).body.code).toBe('RESET_TOKEN_INVALID');

    await requestReset(user.email);
    const second = resetLinkOf(await mailbox.next(user.email, 1)).searchParams.get('token')!;
    const reset = await t.http
      .post(`/api/users/${user.id}/reset-password`)
      .set({ Authorization: `Bearer ${await t.factory.token(coordinator)}` });
    expect(reset.status).toBe(200);
    expect((await confirm(second)).body.code).toBe('RESET_TOKEN_INVALID');
    expect((await t.http.post('/api/auth/login').send({ email: user.email, password: reset.body.temporaryPassword })).status).toBe(200);
  });

  it('sends Referrer-Policy: no-referrer, so the page of the link never hands its token to another site', async () => {
    const res = await t.http.get('/api/health');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
  });
});

describe('password reset throttle per client address', () => {
  let t: TestApp;
  let mailbox: TestMailbox;
  beforeAll(async () => {
    mailbox = await TestMailbox.start();
    t = await createTestApp({ SMTP_URL: mailbox.url, LOGIN_RATE_PER_MINUTE: '20' });
  });
  afterAll(async () => {
    await t.close();
    await mailbox.close();
  });

  it('answers 429 RATE_LIMITED after LOGIN_RATE_PER_MINUTE requests from one address, whatever the e-mails', async () => {
    for (let i = 0; i < 20; i += 1) {
      expect((await t.http.post('/api/auth/password-reset/request').send({ email: `a${i}.${Date.now()}@trama.test` })).status).toBe(202);
    }
    const over = await t.http.post('/api/auth/password-reset/request').send({ email: `nuovo.${Date.now()}@trama.test` });
    expect(over.status).toBe(429);
    expect(over.body.code).toBe('RATE_LIMITED');
    const confirmOver = await t.http
      .post('/api/auth/password-reset/confirm')
      .send({ token: 'B'.repeat(43), newPassword: 'Qualunque-password' });
    expect(confirmOver.status).toBe(400); // its own window: the confirm route counts apart
  });
});

describe('the local mailbox (no SMTP_URL outside production)', () => {
  let t: TestApp;
  let dataDir: string;
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'trama-mail-'));
    t = await createTestApp({ TRAMA_DATA_DIR: dataDir, APP_ORIGIN: 'http://localhost:4321' });
  });
  afterAll(async () => {
    await t.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('sends over SMTP to a server in the process, which keeps the message as .eml under TRAMA_DATA_DIR/mail', async () => {
    const { bari } = await t.factory.twoTenants();
    const user = await t.factory.user({ role: 'innovator', tenant: bari });
    expect((await t.http.post('/api/auth/password-reset/request').send({ email: user.email })).status).toBe(202);
    await t.app.get(PasswordResetService).idle();
    const files = readdirSync(join(dataDir, 'mail')).filter((f) => f.endsWith('.eml'));
    expect(files).toHaveLength(1);
    expect(statSync(join(dataDir, 'mail')).mode & 0o777).toBe(0o700);
    const parsed = await simpleParser(readFileSync(join(dataDir, 'mail', files[0])));
    expect(parsed.to).toEqual(expect.objectContaining({ text: user.email }));
    const token = /http:\/\/localhost:4321\/reimposta-password\?token=([A-Za-z0-9_-]{43})/.exec(parsed.text ?? '')?.[1];
    expect(token).toBeDefined();
    expect((await t.http.post('/api/auth/password-reset/confirm').send({ token, newPassword: 'Dal-mailbox-locale' })).status).toBe(204);
  });
});
