// The reuse model's benchmark (issue 11, docs/reuse.md, docs/benchmarks.md): one command, prints its figures.
//
//   npm run bench:reuse                                      # 50,000 buildings, 30,000 organizations
//   npm run bench:reuse -- --skip-build --requests 20 --buildings 20000 --organizations 12000
//   npm run bench:reuse -- --skip-build --recomputes 1 --plans   # each request's statements with their plans
//
// Builds the API, starts it on the embedded PostgreSQL (or DATABASE_URL's server, database
// trama_bench_reuse), generates the registers with bench/generate.mjs when the database holds other
// counts (few activities: the model does not read them), then measures:
// - the recompute of the whole tenant after a change of weights: from the PUT to the status saying
//   done (the page's view), and the job's own duration; beside it PostgreSQL's time for the
//   recompute's reads (EXPLAIN ANALYZE of the statements captured on the wire) and for the replace of
//   the stored scores (the same DELETE + INSERT of every row, rolled back);
// - one building's score and matches (GET /api/reuse/buildings/:id/matches), p50/p95 over random
//   buildings, beside the database's time for the same statements;
// - the ranking's first page and page 50, and a municipality's first page, the same way.
import { createRequire } from 'node:module';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { mustRun, requireNode24, root, waitForHealth } from '../scripts/lib.mjs';
import { startApi, stopApi } from './api-process.mjs';
import { generate } from './generate.mjs';
import { explainStatements, oneLine, planOutline, splitExplainable, startCaptureProxy } from './sql-capture.mjs';

requireNode24();
const { values: opts } = parseArgs({
  options: {
    activities: { type: 'string', default: '2000' },
    buildings: { type: 'string', default: '50000' },
    organizations: { type: 'string', default: '30000' },
    initiatives: { type: 'string', default: '20000' },
    requests: { type: 'string', default: '20' },
    recomputes: { type: 'string', default: '3' },
    'explain-runs': { type: 'string', default: '3' },
    seed: { type: 'string', default: '42' },
    'skip-build': { type: 'boolean', default: false },
    plans: { type: 'boolean', default: false },
    'data-dir': { type: 'string', default: join(root, '.data') },
    cluster: { type: 'string', default: 'bench-reuse-postgres' },
  },
});
const registers = {
  activities: Number(opts.activities),
  buildings: Number(opts.buildings),
  organizations: Number(opts.organizations),
  initiatives: Number(opts.initiatives),
};
const REQUESTS = Number(opts.requests);
const EXPLAIN_RUNS = Number(opts['explain-runs']);

if (!opts['skip-build']) await mustRun('nx', ['run-many', '-t', 'build', '-p', 'api', '--output-style=stream']);

let databaseUrl;
let embedded;
if (process.env.DATABASE_URL) {
  const server = new URL(process.env.DATABASE_URL);
  server.pathname = '/postgres';
  const c = new pg.Client({ connectionString: server.toString() });
  await c.connect();
  if ((await c.query(`SELECT 1 FROM pg_database WHERE datname = 'trama_bench_reuse'`)).rowCount === 0)
    await c.query('CREATE DATABASE trama_bench_reuse');
  await c.end();
  server.pathname = '/trama_bench_reuse';
  databaseUrl = server.toString();
} else {
  const require = createRequire(import.meta.url);
  const { startEmbeddedPostgres } = require(join(root, 'dist/apps/api/apps/api/src/database/embedded.js'));
  embedded = await startEmbeddedPostgres({
    dataDir: opts['data-dir'],
    name: opts.cluster,
    database: 'trama_bench',
    preferredPort: 54359,
    log: () => {},
  });
  databaseUrl = embedded.url;
}

const { child: api, base } = await startApi(databaseUrl);
let capture = null;
const stopAll = async () => {
  await stopApi(api);
  if (capture) {
    await stopApi(capture.api.child);
    await capture.proxy.close();
  }
  if (embedded) await embedded.stop();
};
process.on('SIGINT', () => void stopAll().then(() => process.exit(130)));

/** fetch, once more after a reset keep-alive socket (the server closed it as the request left) */
async function fetchRetrying(url, init) {
  try {
    return await fetch(url, init);
  } catch (error) {
    if (error?.cause?.code !== 'ECONNRESET') throw error;
    return fetch(url, init);
  }
}
const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
const ms = (n) => `${n.toFixed(1)} ms`;
const load = () => loadavg()[0].toFixed(1);

try {
  await waitForHealth(base, 900_000);
  const db = new pg.Client({ connectionString: databaseUrl });
  db.on('error', () => {});
  await db.connect();
  const tenantId = (await db.query(`SELECT tenant_id FROM tenants WHERE istat_code = '272'`)).rows[0].tenant_id;
  const count = async (table) => Number((await db.query(`SELECT count(*) FROM ${table} WHERE tenant_id = $1`, [tenantId])).rows[0].count);
  const haveBuildings = await count('buildings');
  const haveOrgs = await count('organizations');
  if (haveBuildings < registers.buildings || haveOrgs < registers.organizations) {
    console.log(
      `generating the registers ${JSON.stringify(registers)} (the database had ${haveBuildings} buildings, ${haveOrgs} organizations)…`,
    );
    for (const table of [
      'activity_organizations',
      'activity_reviews',
      'activities',
      'initiative_status_changes',
      'initiative_organizations',
      'initiative_municipalities',
      'initiatives',
      'building_assignments',
      'building_stage_changes',
      'reuse_scores',
    ])
      await db.query(`DELETE FROM ${table} WHERE tenant_id = $1`, [tenantId]);
    await db.query(`DELETE FROM buildings WHERE tenant_id = $1`, [tenantId]);
    await db.query(`UPDATE organizations SET merged_into = NULL WHERE tenant_id = $1`, [tenantId]);
    await db.query(`DELETE FROM organizations WHERE tenant_id = $1`, [tenantId]);
    await db.query(`DELETE FROM user_municipalities WHERE user_id IN (SELECT id FROM users WHERE email LIKE 'bench.%')`);
    await generate({ databaseUrl, ...registers, seed: Number(opts.seed) });
  }
  for (const t of ['buildings', 'organizations', 'initiatives', 'reuse_scores']) await db.query(`VACUUM ANALYZE ${t}`);
  const seekers = Number(
    (
      await db.query(
        `SELECT count(*) FROM organizations WHERE tenant_id = $1 AND 'space' = ANY(needs) AND active AND merged_into IS NULL`,
        [tenantId],
      )
    ).rows[0].count,
  );
  console.log(
    `${(await count('buildings')).toLocaleString('en')} buildings, ${(await count('organizations')).toLocaleString('en')} organizations (${seekers.toLocaleString('en')} need space), ${(await count('initiatives')).toLocaleString('en')} initiatives; load ${load()}`,
  );

  const login = async (email, password) => {
    const res = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    if (!res.ok) throw new Error(`login ${email}: ${res.status} ${await res.text()}`);
    return (await res.json()).accessToken;
  };
  const coordinator = await login('coordinatore.bari@trama.test', process.env.DEMO_PASSWORD ?? 'Trama-demo-2026');
  const call = async (method, path, body, retry) => {
    const res = await fetchRetrying(`${base}${path}`, {
      method,
      headers: { authorization: `Bearer ${coordinator}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const json = await res.json();
    if (res.status === 503 && (retry ?? 0) < 5) {
      // the loaded machine's database did not take a new connection in time: the API says retry
      await new Promise((r) => setTimeout(r, 1000));
      return call(method, path, body, (retry ?? 0) + 1);
    }
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
    return json;
  };
  const untilDone = async () => {
    for (;;) {
      const s = await call('GET', '/api/reuse/status');
      if (s.status === 'idle' && !s.stale) return s;
      if (s.status === 'failed') throw new Error(`recompute failed: ${JSON.stringify(s)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };

  // the recompute after a change of weights (the first run also scores a fresh database)
  await call('GET', '/api/reuse/status');
  await untilDone();
  const wall = [];
  const job = [];
  for (let i = 0; i < Number(opts.recomputes); i++) {
    const current = await call('GET', '/api/reuse/weights');
    const t0 = performance.now();
    await call('PUT', '/api/reuse/weights', {
      version: current.version,
      weights: { ...current.weights, condition: current.weights.condition === 15 ? 16 : 15 },
    });
    const s = await untilDone();
    wall.push(performance.now() - t0);
    job.push(s.durationMs);
  }

  // PostgreSQL's own time: the recompute's reads (captured from a second API process) and the replace of the scores
  const direct = new URL(databaseUrl);
  const proxy = await startCaptureProxy({ host: direct.hostname, port: Number(direct.port || 5432) });
  const proxied = new URL(databaseUrl);
  proxied.hostname = '127.0.0.1';
  proxied.port = String(proxy.port);
  capture = { proxy, api: await startApi(proxied.toString(), { MIGRATE_ON_BOOT: 'false', SEED_ON_BOOT: 'false' }) };
  await waitForHealth(capture.api.base, 120_000);
  const replay = new pg.Client({ connectionString: databaseUrl, options: '-c default_transaction_read_only=on' });
  replay.on('error', () => {});
  await replay.connect();
  const captured = async (path) => {
    const get = async () => {
      const res = await fetch(`${capture.api.base}${path}`, { headers: { authorization: `Bearer ${coordinator}` } });
      if (!res.ok) throw new Error(`capture ${path}: ${res.status} ${await res.text()}`);
      await res.arrayBuffer();
    };
    await get();
    proxy.take();
    await get();
    return proxy.take();
  };
  const dbTime = async (statements) => {
    const { reads } = splitExplainable(statements);
    const explained = await explainStatements(replay, reads, EXPLAIN_RUNS);
    if (opts.plans)
      for (const e of explained)
        console.log(
          `  ${ms([...e.times].sort((a, b) => a - b)[0])}  ${oneLine(e.statement.text, 150)}\n    ${planOutline(e.plan.Plan).join('\n    ')}`,
        );
    return Array.from({ length: EXPLAIN_RUNS }, (_, run) => explained.reduce((s, e) => s + e.times[run], 0)).sort((a, b) => a - b);
  };
  // the recompute's reads: the capture API recomputes (a request for it through the capture process), its statements replayed
  proxy.take();
  {
    const current = await call('GET', '/api/reuse/weights');
    const res = await fetch(`${capture.api.base}/api/reuse/weights`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${coordinator}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        version: current.version,
        weights: { ...current.weights, condition: current.weights.condition === 15 ? 16 : 15 },
      }),
    });
    if (!res.ok) throw new Error(`capture PUT: ${res.status}`);
    await untilDone();
  }
  const recomputeReads = splitExplainable(proxy.take()).reads.filter(
    (s) => /FROM "?buildings"?|FROM "?organizations"?|FROM "?initiatives"?/.test(s.text) && !/count\(\*\)/.test(s.text),
  );
  const readTimes = await explainStatements(replay, recomputeReads, EXPLAIN_RUNS);
  const readsMs = Array.from({ length: EXPLAIN_RUNS }, (_, run) => readTimes.reduce((s, e) => s + e.times[run], 0)).sort((a, b) => a - b);
  // the replace as the job writes it: one DELETE and one INSERT … SELECT FROM unnest(arrays), rolled back
  const stored = (await db.query(`SELECT building_id, run, score, parts::text AS parts FROM reuse_scores WHERE tenant_id = $1`, [tenantId]))
    .rows;
  const writes = [];
  for (let i = 0; i < EXPLAIN_RUNS; i++) {
    await db.query('BEGIN');
    const t1 = performance.now();
    await db.query(`DELETE FROM reuse_scores WHERE tenant_id = $1`, [tenantId]);
    await db.query(
      `INSERT INTO reuse_scores (tenant_id, building_id, run, score, parts)
       SELECT $1, r.building_id, $2, r.score, r.parts FROM unnest($3::uuid[], $4::smallint[], $5::text[]) AS r(building_id, score, parts)`,
      [tenantId, (stored[0]?.run ?? 0) + 1, stored.map((r) => r.building_id), stored.map((r) => r.score), stored.map((r) => r.parts)],
    );
    writes.push(performance.now() - t1);
    await db.query('ROLLBACK');
  }
  // Node's part in process: the job's scoring (surroundings, score, stored parts as text) on the same rows
  const require = createRequire(import.meta.url);
  const { surroundingsOfTenant } = require(join(root, 'dist/apps/api/apps/api/src/modules/reuse/reuse-surroundings.js'));
  const { encodeParts, storedParts } = require(join(root, 'dist/apps/api/apps/api/src/modules/reuse/reuse-score.js'));
  const rowsOf = async (sql) => (await db.query(sql, [tenantId])).rows;
  const buildings = (
    await rowsOf(`SELECT id, municipality_id AS "municipalityId", lat, lon, condition, indoor_area_m2 AS "indoorAreaM2",
                         outdoor_area_m2 AS "outdoorAreaM2", accessibility, constraints, ownership, current_use AS "currentUse",
                         stage, suitable_uses AS "suitableUses", created_at AS "createdAt" FROM buildings WHERE tenant_id = $1`)
  ).map((b) => ({
    ...b,
    indoorAreaM2: b.indoorAreaM2 === null ? null : Number(b.indoorAreaM2),
    outdoorAreaM2: b.outdoorAreaM2 === null ? null : Number(b.outdoorAreaM2),
  }));
  const spaceSeekers = await rowsOf(`SELECT municipality_id AS "municipalityId", lat, lon, themes, target_groups AS "targetGroups", size
                                       FROM organizations WHERE tenant_id = $1 AND 'space' = ANY(needs) AND active AND merged_into IS NULL`);
  const venueSeekers = await rowsOf(`SELECT municipality_id AS "municipalityId", themes FROM initiatives
                                      WHERE tenant_id = $1 AND status IN ('idea', 'planned') AND building_id IS NULL`);
  const weightsNow = (await call('GET', '/api/reuse/weights')).weights;
  const scoring = [];
  for (let i = 0; i < EXPLAIN_RUNS; i++) {
    const t1 = performance.now();
    const around = surroundingsOfTenant(buildings, spaceSeekers, venueSeekers);
    const now = new Date();
    let bytes = 0;
    for (const b of buildings)
      bytes += encodeParts(storedParts({ ...b, recordedAt: b.createdAt }, around(b), weightsNow, now).parts).length;
    scoring.push(performance.now() - t1);
    if (bytes === 0) throw new Error('no parts');
  }
  scoring.sort((a, b) => a - b);
  writes.sort((a, b) => a - b);
  wall.sort((a, b) => a - b);
  job.sort((a, b) => a - b);
  console.log(
    `\nrecompute of the tenant after a change of weights (${wall.length} runs): PUT → status done p50 ${ms(pct(wall, 50))} (max ${ms(wall[wall.length - 1])}), job p50 ${ms(pct(job, 50))};` +
      ` DB: the reads ${ms(pct(readsMs, 50))} (${recomputeReads.length} statements) + the replace of the scores ${ms(pct(writes, 50))} (DELETE + INSERT … unnest of every row, rolled back);` +
      ` Node's scoring in process ${ms(pct(scoring, 50))}; load ${load()}`,
  );

  // one building's score and matches; the ranking
  const ids = (
    await db.query(`SELECT id FROM buildings WHERE tenant_id = $1 ORDER BY md5(id::text) LIMIT $2`, [tenantId, REQUESTS])
  ).rows.map((r) => r.id);
  const istat = (await db.query(`SELECT istat_code FROM municipalities WHERE tenant_id = $1 ORDER BY istat_code LIMIT 1`, [tenantId]))
    .rows[0].istat_code;
  const area = (await db.query(`SELECT code FROM social_areas WHERE tenant_id = $1 ORDER BY code LIMIT 1`, [tenantId])).rows[0]?.code;
  const scenarios = [
    ['one building: score + matches', (i) => `/api/reuse/buildings/${ids[i % ids.length]}/matches`],
    ['ranking, page 1 (20)', () => `/api/reuse/buildings?pageSize=20`],
    ['ranking, page 50 (20)', () => `/api/reuse/buildings?pageSize=20&page=50`],
    [`ranking, municipality ${istat}, page 1`, () => `/api/reuse/buildings?pageSize=20&municipality=${istat}`],
    ...(area ? [[`ranking, social area ${area}, page 1`, () => `/api/reuse/buildings?pageSize=20&socialArea=${area}`]] : []),
  ];
  console.log('');
  for (const [name, path] of scenarios) {
    for (let i = 0; i < 2; i++) await call('GET', path(i));
    const times = [];
    for (let i = 0; i < REQUESTS; i++) {
      const t0 = performance.now();
      await call('GET', path(i));
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    const dbs = await dbTime(await captured(path(0)));
    console.log(
      `${name.padEnd(44)} API p50 ${ms(pct(times, 50)).padStart(9)} p95 ${ms(pct(times, 95)).padStart(9)}   DB p50 ${ms(pct(dbs, 50)).padStart(9)}`,
    );
  }
  console.log(`\nload at the end ${load()}`);
  await replay.end();
  await db.end();
} finally {
  await stopAll();
}
