import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { ActivityStatus } from '@trama/contracts';
import { REFRESH_COOKIE } from '../../modules/auth/refresh-token';
import { activityBody } from '../activity-fixtures';
import { buildingBody } from '../building-fixtures';
import { TEST_PASSWORD, type TestTenant, type TestUser } from '../factories';
import type { TestApp } from '../test-app';
import { validUpload } from './mutations';
import { type FuzzRequest, send } from './request';

export const ROLES = ['anonymous', 'admin', 'coordinator', 'innovator', 'municipality'] as const;
export type FuzzRole = (typeof ROLES)[number];

export interface Session {
  token: string;
  /** `trama_refresh=…` */
  cookie: string;
}

/**
 * The fixtures the fuzz test sends its requests with: one signed-in user per role in Bari (the
 * innovator works in Bari and Molfetta), a second tenant (Bologna) so that tenancy is in play, an
 * innovator the coordinator manages (the target of user edits), a user who only signs in, and an
 * organization. Sessions are renewed when a request ends one (sign-out, a password change).
 */
export class FuzzWorld {
  readonly sessions = new Map<FuzzRole, Session>();
  readonly users = new Map<FuzzRole, TestUser>();
  bari!: TestTenant;
  bologna!: TestTenant;
  target!: TestUser;
  loginUser!: TestUser;
  /** a user whose password the reset-link requests set */
  resetUser!: TestUser;
  organizationId!: string;
  /** how many writes the world itself made (sign-ins, prepared activities): a snapshot taken before one is stale */
  writes = 0;
  /** the hash of TEST_PASSWORD every fixture user has (restored after a password change) */
  private passwordHash!: string;

  constructor(
    readonly t: TestApp,
    readonly port: number,
  ) {}

  static async create(t: TestApp, port: number): Promise<FuzzWorld> {
    const w = new FuzzWorld(t, port);
    const { bari, bologna } = await t.factory.twoTenants();
    w.bari = bari;
    w.bologna = bologna;
    const f = t.factory;
    w.users.set('admin', await f.user({ role: 'admin', fullName: 'Ada Admin' }));
    w.users.set('coordinator', await f.user({ role: 'coordinator', tenant: bari, fullName: 'Cosimo Coordinatore' }));
    w.users.set(
      'innovator',
      await f.user({ role: 'innovator', tenant: bari, municipalities: ['072006', '072029'], fullName: 'Anna Innovatrice' }),
    );
    w.users.set(
      'municipality',
      await f.user({ role: 'municipality', tenant: bari, scopeMunicipality: '072006', fullName: 'Comune di Bari' }),
    );
    await f.user({ role: 'innovator', tenant: bologna, municipalities: ['037006'], fullName: 'Bianca Bolognese' });
    w.target = await f.user({ role: 'innovator', tenant: bari, municipalities: ['072022'], fullName: 'Tommaso Bersaglio' });
    w.loginUser = await f.user({ role: 'innovator', tenant: bari, municipalities: ['072020'], fullName: 'Lucia Login' });
    w.resetUser = await f.user({ role: 'innovator', tenant: bari, municipalities: ['072020'], fullName: 'Rita Reset' });
    const [org] = await t.db.query(
      `INSERT INTO organizations (tenant_id, name, kind, municipality_id) VALUES ($1, 'APS Orti Urbani', 'aps', $2) RETURNING id`,
      [bari.id, bari.municipalities['072006']],
    );
    w.organizationId = org.id;
    const [{ hash }] = await t.db.query(`SELECT password_hash AS hash FROM users WHERE id = $1`, [w.target.id]);
    w.passwordHash = hash;
    for (const role of ROLES) if (role !== 'anonymous') await w.signIn(role);
    return w;
  }

  user(role: Exclude<FuzzRole, 'anonymous'>): TestUser {
    return this.users.get(role)!;
  }

  /** Signs in through the API (token and refresh cookie); restores the fixture password first. */
  async signIn(role: FuzzRole): Promise<void> {
    if (role === 'anonymous') return;
    this.writes++;
    const user = this.user(role);
    await this.t.db.query(`UPDATE users SET password_hash = $1, active = true WHERE id = $2`, [this.passwordHash, user.id]);
    // the sign-in back-off of every e-mail (fuzzed sign-ins fail on purpose; this test database is the file's own)
    await this.t.db.query(`DELETE FROM sign_in_backoff`);
    const res = await send(this.port, {
      method: 'post',
      template: '/api/auth/login',
      path: {},
      query: [],
      body: { email: user.email, password: TEST_PASSWORD },
      headers: {},
    });
    if (res.status !== 200) throw new Error(`fuzz: sign-in of the ${role} failed: ${res.status} ${res.text}`);
    this.sessions.set(role, { token: (res.json as { accessToken: string }).accessToken, cookie: refreshCookieOf(res.headers) ?? '' });
  }

  /** Renews the role's session when its token no longer works (a variant signed it out). */
  async ensureSession(role: FuzzRole): Promise<void> {
    if (role === 'anonymous') return;
    const res = await send(this.port, { method: 'get', template: '/api/auth/me', path: {}, query: [], headers: this.headers(role) });
    if (res.status !== 200) await this.signIn(role);
  }

  headers(role: FuzzRole): Record<string, string> {
    const session = this.sessions.get(role);
    return session ? { authorization: `Bearer ${session.token}`, cookie: session.cookie } : {};
  }

  /** Keeps the rotated refresh cookie of a response (refresh answers with a new one). */
  keepCookie(role: FuzzRole, headers: Record<string, string | string[] | undefined>): void {
    const session = this.sessions.get(role);
    const cookie = refreshCookieOf(headers);
    if (session && cookie) session.cookie = cookie;
  }

  async versionOf(table: 'activities' | 'users' | 'municipalities' | 'buildings', id: string): Promise<number> {
    const [row] = await this.t.db.query(`SELECT version FROM ${table} WHERE id = $1`, [id]);
    if (!row) throw new Error(`fuzz: no ${table} row ${id}`);
    return row.version;
  }

  /** A new draft of the innovator, through the API. */
  async newDraft(): Promise<{ id: string; version: number }> {
    this.writes++;
    await this.ensureSession('innovator');
    const res = await send(this.port, {
      method: 'post',
      template: '/api/activities',
      path: {},
      query: [],
      headers: this.headers('innovator'),
      body: activityBody(),
    });
    if (res.status !== 201) throw new Error(`fuzz: preparing a draft failed: ${res.status} ${res.text}`);
    return res.json as { id: string; version: number };
  }

  /** A new initiative (status idea, in Bari) of the coordinator, through the API. */
  /** A new funded project of the coordinator's tenant (an idea, no CUP), through the API. */
  async newProject(): Promise<{ id: string; version: number }> {
    this.writes++;
    await this.ensureSession('coordinator');
    const res = await send(this.port, {
      method: 'post',
      template: '/api/projects',
      path: {},
      query: [],
      headers: this.headers('coordinator'),
      body: { clientId: randomUUID(), code: `FZ${randomUUID().slice(0, 8)}`, title: 'Progetto', programme: 'pon_metro', status: 'idea' },
    });
    if (res.status !== 201) throw new Error(`fuzz: preparing a project failed: ${res.status} ${res.text}`);
    return res.json as { id: string; version: number };
  }

  async newInitiative(): Promise<{ id: string; version: number }> {
    this.writes++;
    await this.ensureSession('coordinator');
    const res = await send(this.port, {
      method: 'post',
      template: '/api/initiatives',
      path: {},
      query: [],
      headers: this.headers('coordinator'),
      body: { clientId: randomUUID(), title: 'Orti sociali', status: 'idea', municipality: '072006' },
    });
    if (res.status !== 201) throw new Error(`fuzz: preparing an initiative failed: ${res.status} ${res.text}`);
    return res.json as { id: string; version: number };
  }

  /** A new building of the innovator in Bari, through the API. */
  async newBuilding(): Promise<{ id: string; version: number }> {
    this.writes++;
    await this.ensureSession('innovator');
    const res = await send(this.port, {
      method: 'post',
      template: '/api/buildings',
      path: {},
      query: [],
      headers: this.headers('innovator'),
      body: buildingBody(),
    });
    if (res.status !== 201) throw new Error(`fuzz: preparing a building failed: ${res.status} ${res.text}`);
    return res.json as { id: string; version: number };
  }

  /** A new building of the innovator with one photo, through the API. */
  async buildingPhoto(): Promise<{ buildingId: string; fileId: string }> {
    const building = await this.newBuilding();
    const res = await send(this.port, {
      method: 'post',
      template: '/api/buildings/{id}/photos',
      path: { id: building.id },
      query: [],
      headers: this.headers('innovator'),
      raw: validUpload(),
    });
    if (res.status !== 201) throw new Error(`fuzz: preparing a photo failed: ${res.status} ${res.text}`);
    return { buildingId: building.id, fileId: (res.json as { id: string }).id };
  }

  /** A new draft of the innovator with one attachment, through the API. */
  async attachment(): Promise<{ activityId: string; fileId: string }> {
    const draft = await this.newDraft();
    const res = await send(this.port, {
      method: 'post',
      template: '/api/activities/{id}/attachments',
      path: { id: draft.id },
      query: [],
      headers: this.headers('innovator'),
      raw: validUpload(),
    });
    if (res.status !== 201) throw new Error(`fuzz: preparing an attachment failed: ${res.status} ${res.text}`);
    return { activityId: draft.id, fileId: (res.json as { id: string }).id };
  }

  /** A fresh reset link's token for the reset user, as the e-mail would carry it (stored hashed, 30 minutes). */
  async resetToken(): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    this.writes++;
    await this.t.db.query(
      `INSERT INTO password_reset_tokens (user_id, tenant_id, token_hash, expires_at) VALUES ($1, $2, $3, now() + interval '30 minutes')`,
      [this.resetUser.id, this.resetUser.tenantId, createHash('sha256').update(token).digest('hex')],
    );
    return token;
  }

  /** An activity of the innovator (in Bari) in this status: an existing one, or one brought there through the API. */
  /**
   * Makes a reused activity's decisions the coordinator's and dates them now (the other roles' runs of
   * approve/return may have decided it, and long ago): its undo and comment edit are then valid for the coordinator.
   */
  async renewReviews(activityId: string): Promise<void> {
    this.writes++;
    await this.t.db.query(`UPDATE activity_reviews SET at = now(), reviewer_id = $2, seen_at = NULL WHERE activity_id = $1`, [
      activityId,
      this.user('coordinator').id,
    ]);
    // the decision is the activity's last write: undo and comment correction require it (the author has not edited since)
    await this.t.db.query(`UPDATE activities SET updated_by = $2 WHERE id = $1`, [activityId, this.user('coordinator').id]);
  }

  async activityIn(status: ActivityStatus): Promise<{ id: string; version: number }> {
    const [found] = await this.t.db.query(
      `SELECT id, version FROM activities WHERE author_id = $1 AND status = $2 ORDER BY created_at DESC LIMIT 1`,
      [this.user('innovator').id, status],
    );
    if (found) return found;
    this.writes++;
    const call = async (role: FuzzRole, req: Omit<FuzzRequest, 'headers' | 'query' | 'path'> & { path?: FuzzRequest['path'] }) => {
      await this.ensureSession(role);
      const res = await send(this.port, { path: {}, query: [], headers: this.headers(role), ...req });
      if (res.status >= 300) throw new Error(`fuzz: preparing an activity (${req.template}) failed: ${res.status} ${res.text}`);
      return res.json as { id: string; version: number };
    };
    const created = await call('innovator', { method: 'post', template: '/api/activities', body: activityBody() });
    const act = (role: FuzzRole, action: string, body: object = {}) =>
      call(role, { method: 'post', template: `/api/activities/{id}/${action}`, path: { id: created.id }, body });
    if (status === 'draft') return created;
    const submitted = await act('innovator', 'submit');
    if (status === 'submitted') return submitted;
    if (status === 'approved') return act('coordinator', 'approve');
    return act('coordinator', 'return', { comment: 'Aggiungi i partecipanti per gruppo' });
  }
}

function refreshCookieOf(headers: Record<string, string | string[] | undefined>): string | undefined {
  const cookies = headers['set-cookie'];
  const list = Array.isArray(cookies) ? cookies : cookies ? [cookies] : [];
  const found = list.find((c) => c.startsWith(`${REFRESH_COOKIE}=`) && !c.startsWith(`${REFRESH_COOKIE}=;`));
  return found?.split(';')[0];
}
