// The activities benchmark: one command, prints its figures.
//
//   npm run bench                       # 1,000,000 activities (generated once, kept in .data/bench-postgres)
//   npm run bench -- --activities 100000 --requests 300 --concurrency 4 --fresh
//
// Builds the API, starts it on the embedded PostgreSQL (or DATABASE_URL's server, database
// trama_bench), generates the synthetic data when the database holds fewer activities than asked,
// then measures: the list endpoint with typical filters (latency p50/p95, throughput) and the CSV
// (and XLSX) export of 100,000 rows (time, size, the API's resident memory sampled every 20 ms).
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { API_MAIN, freePort, mustRun, requireNode24, root, waitForHealth } from '../scripts/lib.mjs';
import { BENCH_PASSWORD, generate } from './generate.mjs';

requireNode24();
const { values: opts } = parseArgs({
  options: {
    activities: { type: 'string', default: '1000000' },
    requests: { type: 'string', default: '200' },
    concurrency: { type: 'string', default: '4' },
    'export-rows': { type: 'string', default: '100000' },
    seed: { type: 'string', default: '42' },
    fresh: { type: 'boolean', default: false },
    'skip-build': { type: 'boolean', default: false },
  },
});
const wanted = Number(opts.activities);
const REQUESTS = Number(opts.requests);
const CONCURRENCY = Number(opts.concurrency);
const EXPORT_ROWS = Number(opts['export-rows']);

if (!opts['skip-build']) await mustRun('nx', ['run', 'api:build', '--output-style=stream']);

// ---- database
let databaseUrl;
let embedded;
if (process.env.DATABASE_URL) {
  const server = new URL(process.env.DATABASE_URL);
  server.pathname = '/postgres';
  const c = new pg.Client({ connectionString: server.toString() });
  await c.connect();
  const exists = await c.query(`SELECT 1 FROM pg_database WHERE datname = 'trama_bench'`);
  if (exists.rowCount === 0) await c.query('CREATE DATABASE trama_bench');
  await c.end();
  server.pathname = '/trama_bench';
  databaseUrl = server.toString();
} else {
  const require = createRequire(import.meta.url);
  const { startEmbeddedPostgres } = require(join(root, 'dist/apps/api/apps/api/src/database/embedded.js'));
  embedded = await startEmbeddedPostgres({
    dataDir: join(root, '.data'),
    name: 'bench-postgres',
    database: 'trama_bench',
    preferredPort: 54349,
    log: () => {},
  });
  databaseUrl = embedded.url;
}

// ---- the API
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const api = spawn(process.execPath, [API_MAIN], {
  cwd: root,
  stdio: ['ignore', 'ignore', 'inherit'],
  env: {
    ...process.env,
    DATABASE_URL: databaseUrl,
    PORT: String(port),
    NODE_ENV: 'development',
    LOG_LEVEL: 'warn',
    APP_ORIGIN: base,
    LOGIN_RATE_PER_MINUTE: '1000',
  },
});
const stopAll = async () => {
  api.kill('SIGTERM');
  await new Promise((r) => (api.exitCode !== null ? r() : api.once('exit', r)));
  if (embedded) await embedded.stop();
};
process.on('SIGINT', () => void stopAll().then(() => process.exit(130)));

const rssMb = () => {
  const status = readFileSync(`/proc/${api.pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)[1]) / 1024;
};
function sampler() {
  let peak = rssMb();
  const timer = setInterval(() => {
    try {
      peak = Math.max(peak, rssMb());
    } catch {
      /* process gone */
    }
  }, 20);
  return () => {
    clearInterval(timer);
    return peak;
  };
}

try {
  await waitForHealth(base, 120_000);

  // ---- data
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  const tenantId = (await db.query(`SELECT tenant_id FROM tenants WHERE istat_code = '272'`)).rows[0].tenant_id;
  const count = async () => Number((await db.query('SELECT count(*) FROM activities WHERE tenant_id = $1', [tenantId])).rows[0].count);
  let have = await count();
  if (opts.fresh || have !== wanted) {
    console.log(`generating ${wanted.toLocaleString('en')} activities (the database had ${have.toLocaleString('en')})…`);
    await db.query(`DELETE FROM activity_organizations WHERE tenant_id = $1`, [tenantId]);
    await db.query(`DELETE FROM activities WHERE tenant_id = $1`, [tenantId]);
    await db.query(`DELETE FROM organizations WHERE tenant_id = $1`, [tenantId]);
    await db.query(`DELETE FROM user_municipalities WHERE user_id IN (SELECT id FROM users WHERE email LIKE 'bench.%')`);
    await generate({ databaseUrl, activities: wanted, seed: Number(opts.seed) });
    have = await count();
  } else {
    console.log(`reusing ${have.toLocaleString('en')} activities in the bench database`);
    await db.query('VACUUM ANALYZE activities');
  }

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
  const innovatorRow = (await db.query(`SELECT id, email FROM users WHERE email = 'bench.innovatore.1@trama.test'`)).rows[0];
  const innovator = await login(innovatorRow.email, BENCH_PASSWORD);
  const [recent] = (await db.query(`SELECT date FROM activities WHERE tenant_id = $1 ORDER BY date DESC LIMIT 1`, [tenantId])).rows;
  const to = recent.date.toISOString().slice(0, 10);
  const quarterAgo = new Date(recent.date.getTime() - 90 * 86_400_000).toISOString().slice(0, 10);
  const org = (await db.query(`SELECT organization_id FROM activity_organizations WHERE tenant_id = $1 LIMIT 1`, [tenantId])).rows[0]
    .organization_id;

  // ---- list latency
  const scenarios = [
    ['coordinator, all, page 1', coordinator, ''],
    ['coordinator, review queue (submitted)', coordinator, 'status=submitted'],
    ['coordinator, municipality Bari + last quarter', coordinator, `municipality=072006&from=${quarterAgo}&to=${to}`],
    ['coordinator, social area Molfetta', coordinator, 'socialArea=ATS_BA_MOLFETTA'],
    ['coordinator, type + theme', coordinator, 'type=workshop&theme=youth'],
    ['coordinator, organization', coordinator, `organization=${org}`],
    ['coordinator, free text "laboratori giovanili"', coordinator, 'q=laboratori%20giovanili'],
    ['coordinator, page 50', coordinator, 'page=50'],
    ['innovator, own municipalities', innovator, ''],
    ['innovator, own activities', innovator, `innovator=${innovatorRow.id}`],
  ];
  const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
  const results = [];
  const all = [];
  const stopSampling = sampler();
  const listStarted = performance.now();
  let totalRequests = 0;
  for (const [name, token, query] of scenarios) {
    const url = `${base}/api/activities?pageSize=50${query ? `&${query}` : ''}`;
    const once = async () => {
      const t0 = performance.now();
      const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
      const body = await res.json();
      if (!res.ok) throw new Error(`${name}: ${res.status} ${JSON.stringify(body)}`);
      return { ms: performance.now() - t0, total: body.total };
    };
    for (let i = 0; i < 5; i++) await once(); // warm-up
    // latency: one request at a time
    const times = [];
    let total = 0;
    for (let i = 0; i < REQUESTS; i++) {
      const r = await once();
      times.push(r.ms);
      total = r.total;
    }
    // throughput: CONCURRENCY clients
    const loaded = [];
    let next = 0;
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < REQUESTS) {
          next += 1;
          loaded.push((await once()).ms);
        }
      }),
    );
    const seconds = (performance.now() - t0) / 1000;
    totalRequests += times.length + loaded.length;
    times.sort((a, b) => a - b);
    loaded.sort((a, b) => a - b);
    all.push(...times);
    results.push({
      scenario: name,
      matches: total,
      p50: pct(times, 50),
      p95: pct(times, 95),
      loadedP95: pct(loaded, 95),
      rps: loaded.length / seconds,
    });
  }
  const listSeconds = (performance.now() - listStarted) / 1000;
  const listPeak = stopSampling();
  all.sort((a, b) => a - b);

  // ---- export
  const [cut] = (
    await db.query(`SELECT date FROM activities WHERE tenant_id = $1 ORDER BY date DESC OFFSET $2 LIMIT 1`, [tenantId, EXPORT_ROWS - 1])
  ).rows;
  const exportFrom = (cut ?? recent).date.toISOString().slice(0, 10);
  async function exportRun(format, from) {
    const before = rssMb();
    const stop = sampler();
    const t0 = performance.now();
    const res = await fetch(`${base}/api/activities/export?format=${format}&from=${from}&to=${to}`, {
      headers: { authorization: `Bearer ${coordinator}` },
    });
    if (!res.ok) throw new Error(`export ${format}: ${res.status} ${await res.text()}`);
    let bytes = 0;
    let lines = 0;
    for await (const chunk of res.body) {
      bytes += chunk.length;
      if (format !== 'xlsx') for (const b of chunk) if (b === 10) lines += 1;
    }
    const seconds = (performance.now() - t0) / 1000;
    return { format, seconds, bytes, rows: format === 'xlsx' ? null : lines - 1, rssBefore: before, rssPeak: stop() };
  }
  const [small] = (await db.query(`SELECT date FROM activities WHERE tenant_id = $1 ORDER BY date DESC OFFSET 9999 LIMIT 1`, [tenantId]))
    .rows;
  const exports = [
    await exportRun('csv', small.date.toISOString().slice(0, 10)),
    await exportRun('csv', exportFrom),
    await exportRun('csv-it', exportFrom),
    await exportRun('xlsx', exportFrom),
  ];
  await db.end();

  // ---- report
  const f = (n, d = 1) => n.toFixed(d);
  console.log(
    `\nTrama activities benchmark — ${have.toLocaleString('en')} activities in tenant 272; per scenario ${REQUESTS} requests one at a time (latency), then ${REQUESTS} at concurrency ${CONCURRENCY} (throughput)`,
  );
  console.log(`node ${process.version}, ${databaseUrl.includes('54349') || embedded ? 'embedded PostgreSQL 18' : 'external PostgreSQL'}\n`);
  console.log(`list endpoint (pageSize 50)                      matches     p50 ms   p95 ms | c=${CONCURRENCY}: p95 ms   req/s`);
  for (const r of results) {
    console.log(
      `  ${r.scenario.padEnd(46)} ${String(r.matches).padStart(9)} ${f(r.p50).padStart(9)} ${f(r.p95).padStart(8)} | ${f(r.loadedP95).padStart(10)} ${f(r.rps, 0).padStart(7)}`,
    );
  }
  console.log(
    `  ${'ALL (one at a time)'.padEnd(46)} ${''.padStart(9)} ${f(pct(all, 50)).padStart(9)} ${f(pct(all, 95)).padStart(8)} | ${''.padStart(10)} ${f(totalRequests / listSeconds, 0).padStart(7)}`,
  );
  console.log(`  API peak RSS during the list runs: ${f(listPeak, 0)} MB\n`);
  console.log('export                       rows        MB   seconds   rows/s   RSS before → peak (MB)');
  for (const e of exports) {
    const rows = e.rows ?? EXPORT_ROWS;
    console.log(
      `  ${e.format.padEnd(7)} ${(e.rows === null ? `~${rows}` : String(rows)).padStart(16)} ${f(e.bytes / 1e6).padStart(9)} ${f(e.seconds, 2).padStart(9)} ${f(rows / e.seconds, 0).padStart(8)}   ${f(e.rssBefore, 0)} → ${f(e.rssPeak, 0)}`,
    );
  }
} finally {
  await stopAll();
}
