import { Client } from 'pg';
import type request from 'supertest';
import { activityBody, activityWorld, type ActivityWorld, createActivity } from './activity-fixtures';
import { TcpProxy } from './tcp-proxy';
import { createTestApp, type TestApp } from './test-app';
import { serverUrl } from './test-database';

/**
 * The app reaches its database through a TCP proxy that the test cuts and restores, so the
 * outage is real (refused connections, reset sockets, a host that never answers) and the shared
 * PostgreSQL server is never touched.
 */
describe('database away', () => {
  let t: TestApp;
  let w: ActivityWorld;
  let proxy: TcpProxy;
  let direct: Client;
  let activityId: string;

  beforeAll(async () => {
    const server = new URL(serverUrl());
    proxy = await TcpProxy.start({ host: server.hostname, port: Number(server.port || 5432) });
    t = await createTestApp({}, { connectThrough: (url) => proxy.urlFor(url) });
    w = await activityWorld(t);
    activityId = (await createActivity(t, w.innA)).id;
    direct = new Client({ connectionString: t.databaseUrl });
    await direct.connect();
  });
  afterAll(async () => {
    await proxy.restore();
    await direct.end();
    await t.close();
    await proxy.close();
  });
  afterEach(() => proxy.restore());

  /** Counted on a connection of its own, which the proxy does not carry. */
  const written = async () =>
    (
      await direct.query(
        `SELECT (SELECT count(*) FROM audit_log)::int AS audit, (SELECT count(*) FROM activities)::int AS activities,
                (SELECT count(*) FROM refresh_tokens)::int AS sessions, (SELECT sum(version) FROM activities)::int AS versions`,
      )
    ).rows[0];

  /** One request of each kind: list, detail, create, edit, sign-in, the signed-in user, an export. */
  const calls = (version = 1): [string, () => request.Test][] => [
    ['list', () => t.http.get('/api/activities').set(w.innA.auth)],
    ['detail', () => t.http.get(`/api/activities/${activityId}`).set(w.innA.auth)],
    ['create', () => t.http.post('/api/activities').set(w.innA.auth).send(activityBody())],
    ['edit', () => t.http.patch(`/api/activities/${activityId}`).set(w.innA.auth).send({ version, outcomes: 'Aggiornato' })],
    ['login', () => t.http.post('/api/auth/login').send({ email: w.innA.email, password: w.innA.password })],
    ['me', () => t.http.get('/api/auth/me').set(w.innA.auth)],
    ['users', () => t.http.get('/api/users').set(w.coord.auth)],
    ['export', () => t.http.get('/api/activities/export?format=csv').set(w.coord.auth)],
  ];

  const expectUnavailable = (label: string, res: request.Response) => {
    expect({ label, status: res.status, retryAfter: res.headers['retry-after'], body: res.body }).toEqual({
      label,
      status: 503,
      retryAfter: '5',
      body: {
        statusCode: 503,
        error: 'Service Unavailable',
        code: 'SERVICE_UNAVAILABLE',
        message: 'The service is temporarily unavailable: try again in a few seconds',
      },
    });
  };

  /** Polls from the moment the database is back until the list answers 200 again: how long it took, in words. */
  const recovery = async (): Promise<string> => {
    const started = performance.now();
    for (let attempt = 1; ; attempt++) {
      const res = await t.http.get('/api/activities').set(w.innA.auth);
      if (res.status === 200) return `${(performance.now() - started).toFixed(0)} ms, ${attempt} request(s)`;
      expect(res.status).toBe(503);
      if (performance.now() - started > 20_000) throw new Error('the app did not recover within 20 s');
      await new Promise((r) => setTimeout(r, 10));
    }
  };

  it('answers 503 with Retry-After on every kind of route while the server refuses connections, writes nothing, and recovers by itself', async () => {
    const before = await written();
    await proxy.refuse();
    for (const [label, call] of calls()) expectUnavailable(label, await call());
    const health = await t.http.get('/api/health');
    expect(health.status).toBe(503);
    expect(health.body).toMatchObject({ status: 'unavailable', database: 'down' });
    expect(await written()).toEqual(before);

    await proxy.restore();
    console.log(`recovery after the database came back (connections refused before): ${await recovery()}`);
    // Every route works again; the edit's version 1 is still current, since nothing was written.
    const statuses = await Promise.all(calls().map(async ([label, call]) => [label, (await call()).status]));
    expect(Object.fromEntries(statuses)).toEqual({
      list: 200,
      detail: 200,
      create: 201,
      edit: 200,
      login: 200,
      me: 200,
      users: 200,
      export: 200,
    });
    expect((await t.http.get('/api/health')).status).toBe(200);
  });

  it('answers 503 when the connections of requests in flight are reset, and recovers', async () => {
    const inFlight = Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        i % 2 ? t.http.get('/api/activities').set(w.innA.auth) : t.http.get('/api/users').set(w.coord.auth),
      ),
    );
    await new Promise((r) => setTimeout(r, 2));
    await proxy.refuse();
    for (const res of await inFlight) expect([200, 503]).toContain(res.status); // some may have finished before the cut
    expectUnavailable('after the cut', await t.http.get('/api/activities').set(w.innA.auth));
    await proxy.restore();
    console.log(`recovery after reset connections: ${await recovery()}`);
  });

  it('answers 503 after the pool timeout when the host never answers, instead of hanging', async () => {
    await proxy.blackhole();
    const started = performance.now();
    const answers = await Promise.all([
      t.http.get('/api/activities').set(w.innA.auth),
      t.http.post('/api/auth/login').send({ email: w.innA.email, password: w.innA.password }),
    ]);
    const waited = performance.now() - started;
    answers.forEach((res, i) => expectUnavailable(`blackhole ${i}`, res));
    console.log(`unreachable host: 503 after ${waited.toFixed(0)} ms (pool connectionTimeoutMillis 5000)`);
    expect(waited).toBeLessThan(15_000);
    await proxy.restore();
    await recovery();
  }, 30_000);

  it("answers 503, never 500, when the server ends the app's sessions (pg_terminate_backend, as a shutdown does)", async () => {
    let statuses: number[] = [];
    for (let round = 0; round < 5; round++) {
      await direct.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`,
      );
      const answers = await Promise.all(calls(999).map(([, call]) => call()));
      statuses = statuses.concat(answers.map((r) => r.status));
      for (const res of answers) if (res.status >= 500) expect(res.headers['retry-after']).toBe('5');
    }
    expect(statuses.filter((s) => s >= 500 && s !== 503)).toEqual([]);
    console.log(
      `after pg_terminate_backend: ${statuses.filter((s) => s === 503).length} of ${statuses.length} answers were 503, the rest served`,
    );
  });
});
