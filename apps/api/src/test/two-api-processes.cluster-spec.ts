import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createDataSource } from '../database/data-source';
import { activityBody } from './activity-fixtures';
import { Factory, type TestTenant, type TestUser } from './factories';
import { runId, serverUrl, withDatabase } from './test-database';

/**
 * Two built API processes on one PostgreSQL database, behind a real HAProxy (round-robin, health
 * check on /api/health), as replicas run in production: nothing that matters may live in one
 * process. Both start at once on an empty database (the migrations take turns), without
 * JWT_SECRET (the key is made once in the shared data directory).
 */
const root = resolve(__dirname, '../../../..');
const API_MAIN = join(root, 'dist/apps/api/apps/api/src/main.js');
const HAPROXY = ['/usr/sbin/haproxy', '/usr/bin/haproxy', '/usr/local/sbin/haproxy'].find((p) => existsSync(p));
const RATE = 20;

interface Backend {
  name: 'a' | 'b';
  port: number;
  process?: ChildProcess;
  log: string[];
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => done(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function waitFor(url: string, timeoutMs: number, what: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s\n${what()}`);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('two API processes behind HAProxy on one database', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'trama-cluster-'));
  const database = `trama_test_${runId()}_cluster_${randomBytes(4).toString('hex')}`;
  const databaseUrl = withDatabase(serverUrl(), database);
  const backends: Backend[] = [
    { name: 'a', port: 0, log: [] },
    { name: 'b', port: 0, log: [] },
  ];
  let haproxy: ChildProcess | undefined;
  const haproxyLog: string[] = [];
  let lb = '';
  let db: DataSource;
  let factory: Factory;
  let bari: TestTenant;
  let coordinator: TestUser;
  let earlyToken = '';

  const admin = async (sql: string) => {
    const client = new Client({ connectionString: withDatabase(serverUrl(), 'postgres') });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };

  function start(backend: Backend): void {
    const env: NodeJS.ProcessEnv = { ...process.env };
    for (const key of ['JWT_SECRET', 'NODE_OPTIONS', 'TRAMA_TEST_DATABASE_URL']) delete env[key];
    const child = spawn(process.execPath, [API_MAIN], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...env,
        NODE_ENV: 'test',
        DATABASE_URL: databaseUrl,
        TRAMA_DATA_DIR: dataDir,
        HOST: '127.0.0.1',
        PORT: String(backend.port),
        APP_ORIGIN: lb,
        WEB_DIST: '/nonexistent',
        LOG_LEVEL: 'warn',
        MIGRATE_ON_BOOT: 'true',
        SEED_ON_BOOT: 'false',
        // HAProxy is the one proxy in front: the client is the address it appends to X-Forwarded-For.
        TRUST_PROXY: '1',
        LOGIN_RATE_PER_MINUTE: String(RATE),
      },
    });
    child.stdout?.on('data', (d: Buffer) => backend.log.push(d.toString()));
    child.stderr?.on('data', (d: Buffer) => backend.log.push(d.toString()));
    backend.process = child;
  }

  const logs = () =>
    [...backends.map((b) => `--- ${b.name} ---\n${b.log.join('').slice(-3000)}`), `--- haproxy ---\n${haproxyLog.join('')}`].join('\n');

  async function stop(child: ChildProcess | undefined): Promise<void> {
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 8000);
    await exited;
    clearTimeout(timer);
  }

  beforeAll(async () => {
    if (!HAPROXY) throw new Error('haproxy is not installed: apt-get install -y haproxy (.ci/run does it)');
    if (!existsSync(API_MAIN)) throw new Error(`${API_MAIN} is missing: nx run api:build (the api test target depends on it)`);
    await admin(`CREATE DATABASE "${database}"`); // empty: both processes migrate it at once
    const lbPort = await freePort();
    lb = `http://127.0.0.1:${lbPort}`;
    for (const b of backends) b.port = await freePort();
    const t0 = Date.now();
    for (const b of backends) start(b);
    await Promise.all(backends.map((b) => waitFor(`http://127.0.0.1:${b.port}/api/health`, 60_000, logs)));
    const bootMs = Date.now() - t0;

    const config = join(dataDir, 'haproxy.cfg');
    writeFileSync(
      config,
      [
        'global',
        '  maxconn 200',
        'defaults',
        '  mode http',
        '  timeout connect 2s',
        '  timeout client 30s',
        '  timeout server 30s',
        '  retries 2',
        '  option redispatch',
        'frontend api',
        `  bind 127.0.0.1:${lbPort}`,
        '  option forwardfor',
        '  default_backend apis',
        'backend apis',
        '  balance roundrobin',
        '  option httpchk GET /api/health',
        '  http-check expect status 200',
        '  default-server inter 250ms fall 2 rise 2',
        '  http-response set-header X-Trama-Backend %s',
        ...backends.map((b) => `  server ${b.name} 127.0.0.1:${b.port} check`),
        '',
      ].join('\n'),
    );
    execFileSync(HAPROXY, ['-c', '-q', '-f', config]);
    haproxy = spawn(HAPROXY, ['-db', '-f', config], { stdio: ['ignore', 'pipe', 'pipe'] });
    haproxy.stdout?.on('data', (d: Buffer) => haproxyLog.push(d.toString()));
    haproxy.stderr?.on('data', (d: Buffer) => haproxyLog.push(d.toString()));
    await waitFor(`${lb}/api/health`, 20_000, logs);
    console.log(`two-process test: both API processes up (empty database migrated once) in ${bootMs} ms`);

    db = createDataSource(databaseUrl);
    await db.initialize();
    factory = new Factory(db, request(lb));
    ({ bari } = await factory.twoTenants());
    coordinator = await factory.user({ role: 'coordinator', tenant: bari });
  });

  afterAll(async () => {
    await stop(haproxy);
    await Promise.all(backends.map((b) => stop(b.process)));
    await db?.destroy();
    await admin(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    rmSync(dataDir, { recursive: true, force: true });
  });

  /**
   * Sends one request through the balancer so that `backend` serves it: round-robin over two
   * servers alternates, so a cheap GET first until the other one answered (health checks do not
   * move the turn). The request itself is sent once (a refresh must not be repeated).
   */
  async function on(backend: string, send: () => Promise<Response>): Promise<Response> {
    for (let i = 0; i < 6; i += 1) {
      const probe = await fetch(`${lb}/api/config`);
      await probe.arrayBuffer();
      if (probe.headers.get('x-trama-backend') !== backend) break;
    }
    const res = await send();
    expect(res.headers.get('x-trama-backend')).toBe(backend);
    return res;
  }
  let refreshes = 0;
  const refresh = (headers: Record<string, string> = {}) => {
    refreshes += 1;
    return fetch(`${lb}/api/auth/refresh`, { method: 'POST', headers });
  };
  const other = (backend: string | null) => (backend === 'a' ? 'b' : 'a');
  const cookieOf = (res: Response, name: string) =>
    res.headers
      .getSetCookie()
      .find((c) => c.startsWith(`${name}=`))
      ?.split(';')[0];

  it('applied the migrations once and made one JWT key, mode 0600, in the shared data directory', async () => {
    const applied: { n: number }[] = await db.query(`SELECT count(*)::int AS n FROM migrations`);
    const names: { n: number }[] = await db.query(`SELECT count(DISTINCT name)::int AS n FROM migrations`);
    expect(applied[0].n).toBe(names[0].n);
    expect(applied[0].n).toBeGreaterThanOrEqual(7);
    expect(statSync(join(dataDir, 'jwt-secret')).mode & 0o777).toBe(0o600);
  });

  it('signs in through one process and uses the access token and the refresh cookie through the other', async () => {
    const login = await fetch(`${lb}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: coordinator.email, password: coordinator.password }),
    });
    expect(login.status).toBe(200);
    const first = login.headers.get('x-trama-backend');
    expect(['a', 'b']).toContain(first);
    const { accessToken } = (await login.json()) as { accessToken: string };
    earlyToken = accessToken;
    const refreshCookie = cookieOf(login, 'trama_refresh')!;

    const me = await on(other(first), () => fetch(`${lb}/api/auth/me`, { headers: { authorization: `Bearer ${accessToken}` } }));
    expect(me.status).toBe(200);
    expect(((await me.json()) as { id: string }).id).toBe(coordinator.id);

    const refreshed = await on(other(first), () => refresh({ cookie: refreshCookie }));
    expect(refreshed.status).toBe(200);
    const { accessToken: second } = (await refreshed.json()) as { accessToken: string };
    const back = await on(first!, () => fetch(`${lb}/api/users`, { headers: { authorization: `Bearer ${second}` } }));
    expect(back.status).toBe(200);

    // The used refresh cookie, presented again on the first process, is seen as reused there too.
    const reuse = await on(first!, () => refresh({ cookie: refreshCookie }));
    expect(reuse.status).toBe(401);
    for (const backend of ['a', 'b']) {
      const gone = await on(backend, () => fetch(`${lb}/api/auth/me`, { headers: { authorization: `Bearer ${second}` } }));
      expect(gone.status).toBe(401);
    }
    earlyToken = (
      (await (
        await fetch(`${lb}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email: coordinator.email, password: coordinator.password }),
        })
      ).json()) as { accessToken: string }
    ).accessToken;
  });

  it('counts the request throttle across both processes: the 21st refresh in a minute is refused, whichever process gets it', async () => {
    const served = new Set<string>();
    for (let i = refreshes; i < RATE; i += 1) {
      // A forged X-Forwarded-For changes nothing: HAProxy appends the real address, the one that counts.
      const res = await refresh({ 'x-forwarded-for': `198.51.100.${i}` });
      expect(res.status).toBe(401);
      served.add(res.headers.get('x-trama-backend') ?? '?');
    }
    expect([...served].sort()).toEqual(['a', 'b']);
    for (const backend of ['a', 'b']) {
      const over = await on(backend, () => refresh({ 'x-forwarded-for': '203.0.113.1' }));
      expect(over.status).toBe(429);
      expect(((await over.json()) as { code: string }).code).toBe('RATE_LIMITED');
    }
  });

  it('counts sign-in failures across both processes: the same back-off for a known and an unknown email', async () => {
    const user = await factory.user({ role: 'innovator', tenant: bari, municipalities: ['072006'] });
    const ghost = `ghost.${randomUUID().slice(0, 8)}@trama.test`;
    const sequence = async (email: string, right: string) => {
      const out: string[] = [];
      for (const password of ['wrong-1', 'wrong-2', 'wrong-3', 'wrong-4', 'wrong-5', right]) {
        const res = await fetch(`${lb}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email, password }),
        });
        out.push(`${res.headers.get('x-trama-backend')}:${res.status}`);
      }
      return out;
    };
    const known = await sequence(user.email, user.password);
    const unknown = await sequence(ghost, 'any-password-1');
    const statuses = (xs: string[]) => xs.map((x) => x.split(':')[1]);
    expect(statuses(known)).toEqual(['401', '401', '401', '401', '423', '423']);
    expect(statuses(unknown)).toEqual(statuses(known));
    expect(new Set(known.map((x) => x.split(':')[0]))).toEqual(new Set(['a', 'b']));
  });

  it('loses and duplicates nothing when one process is killed (kill -9) while clients write through the balancer', async () => {
    const innovator = await factory.user({ role: 'innovator', tenant: bari, municipalities: ['072006'] });
    const token = await factory.token(innovator);
    const WRITERS = 4;
    const PER_WRITER = 30;
    const bodies = Array.from({ length: WRITERS * PER_WRITER }, (_, i) => activityBody({ title: `Scrittura concorrente ${i}` }));
    let requests = 0;
    let retries = 0;
    let done = 0;
    let killedAt = 0;
    let lastFailureAt = 0;
    const failures: Record<string, number> = {};
    const victim = backends[0];

    const create = async (body: ReturnType<typeof activityBody>) => {
      for (let attempt = 0; attempt < 100; attempt += 1) {
        requests += 1;
        let status: number | string;
        try {
          const res = await fetch(`${lb}/api/activities`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
            body: JSON.stringify(body),
          });
          status = res.status;
          await res.arrayBuffer();
        } catch (error) {
          status = (error as { cause?: { code?: string } }).cause?.code ?? 'network';
        }
        if (status === 201 || status === 200) {
          done += 1;
          return;
        }
        if (typeof status === 'number' && status < 500) throw new Error(`create answered ${status}`);
        failures[status] = (failures[status] ?? 0) + 1;
        lastFailureAt = Date.now();
        retries += 1;
        await sleep(50); // the same clientId and body again: idempotent
      }
      throw new Error('a create did not succeed in 100 attempts');
    };
    const writer = async (w: number) => {
      for (let i = 0; i < PER_WRITER; i += 1) await create(bodies[w * PER_WRITER + i]);
    };
    const killer = (async () => {
      while (done < bodies.length / 4) await sleep(5);
      killedAt = Date.now();
      victim.process!.kill('SIGKILL');
    })();
    const started = Date.now();
    await Promise.all([...Array.from({ length: WRITERS }, (_, w) => writer(w)), killer]);
    const elapsed = Date.now() - started;

    const clientIds = bodies.map((b) => b.clientId);
    const [rows]: { n: number; distinct: number }[] = await db.query(
      `SELECT count(*)::int AS n, count(DISTINCT client_id)::int AS distinct FROM activities WHERE client_id = ANY($1::uuid[])`,
      [clientIds],
    );
    const [audits]: { n: number }[] = await db.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE entity = 'activity' AND action = 'create' AND actor_id = $1`,
      [innovator.id],
    );
    const failoverMs = lastFailureAt > killedAt ? lastFailureAt - killedAt : 0;
    console.log(
      `two-process test: ${bodies.length} creates by ${WRITERS} clients in ${elapsed} ms, ${requests} requests, ${retries} retries ` +
        `(${JSON.stringify(failures)}); kill -9 of backend ${victim.name} after ${Math.round(bodies.length / 4)} creates; ` +
        `failover (last failed request after the kill) ${failoverMs} ms; rows ${rows.n}, distinct clientIds ${rows.distinct}, create audits ${audits.n}`,
    );
    expect(rows).toEqual({ n: bodies.length, distinct: bodies.length });
    expect(audits.n).toBe(bodies.length);
    expect(done).toBe(bodies.length);
    expect(victim.process!.signalCode).toBe('SIGKILL');

    // Restarted, the killed process accepts the access token issued before (the key is kept in the data directory).
    const restarted = Date.now();
    start(victim);
    await waitFor(`http://127.0.0.1:${victim.port}/api/health`, 60_000, logs);
    const me = await fetch(`http://127.0.0.1:${victim.port}/api/auth/me`, { headers: { authorization: `Bearer ${earlyToken}` } });
    expect(me.status).toBe(200);
    console.log(
      `two-process test: backend ${victim.name} restarted in ${Date.now() - restarted} ms and accepted an access token issued before`,
    );
  });
});
