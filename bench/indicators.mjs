// The indicators benchmark (issue 10): one command, prints its figures.
//
//   npm run bench:indicators                                  # 1,000,000 activities (generated once, kept)
//   npm run bench:indicators -- --activities 200000 --skip-build --requests 20
//
// Builds the API, starts it on the embedded PostgreSQL (or DATABASE_URL's server, database
// trama_bench), generates the registers with bench/generate.mjs when the database holds fewer
// activities than asked, adds 20 manual indicators with five years of validated monthly values for
// every municipality (20 × 41 × 60 = 49,200 values), then measures:
// - the roll-up of every active indicator (the seeded computed ones and the 20 manual ones) over
//   five years by quarter, for every municipality (`by=municipality`), every social area
//   (`by=socialArea`) and the tenant: latency p50/p95 per request, and beside it the database's own
//   time for the same statements (captured on the wire by a second API process through
//   bench/sql-capture.mjs and replayed under EXPLAIN ANALYZE);
// - the time from an approval to the changed value: an innovator's submitted activity is approved
//   by the coordinator, then the value of its municipality and month is read until it shows it.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { API_MAIN, freePort, mustRun, requireNode24, root, waitForHealth } from '../scripts/lib.mjs';
import { BENCH_PASSWORD, generate } from './generate.mjs';
import { explainStatements, splitExplainable, startCaptureProxy } from './sql-capture.mjs';

requireNode24();
const { values: opts } = parseArgs({
  options: {
    activities: { type: 'string', default: '1000000' },
    buildings: { type: 'string', default: '50000' },
    organizations: { type: 'string', default: '30000' },
    initiatives: { type: 'string', default: '20000' },
    /** requests per scenario */
    requests: { type: 'string', default: '20' },
    approvals: { type: 'string', default: '20' },
    'explain-runs': { type: 'string', default: '5' },
    seed: { type: 'string', default: '42' },
    'skip-build': { type: 'boolean', default: false },
    /** measure whatever generated data the database holds (a generation cut short) instead of generating again */
    keep: { type: 'boolean', default: false },
    only: { type: 'string' },
    'data-dir': { type: 'string', default: join(root, '.data') },
    cluster: { type: 'string', default: 'bench-postgres' },
  },
});
const wanted = Number(opts.activities);
const registers = { buildings: Number(opts.buildings), organizations: Number(opts.organizations), initiatives: Number(opts.initiatives) };
const REQUESTS = Number(opts.requests);
const EXPLAIN_RUNS = Number(opts['explain-runs']);
const JWT_SECRET = 'bench-secret-bench-secret-bench-secret-00';
const MANUAL = 20;
const FROM = '2022-Q1';
const TO = '2026-Q4';

if (!opts['skip-build']) await mustRun('nx', ['run-many', '-t', 'build', '-p', 'api', '--output-style=stream']);

let databaseUrl;
let embedded;
if (process.env.DATABASE_URL) {
  const server = new URL(process.env.DATABASE_URL);
  server.pathname = '/postgres';
  const c = new pg.Client({ connectionString: server.toString() });
  await c.connect();
  if ((await c.query(`SELECT 1 FROM pg_database WHERE datname = 'trama_bench'`)).rowCount === 0)
    await c.query('CREATE DATABASE trama_bench');
  await c.end();
  server.pathname = '/trama_bench';
  databaseUrl = server.toString();
} else {
  const require = createRequire(import.meta.url);
  const { startEmbeddedPostgres } = require(join(root, 'dist/apps/api/apps/api/src/database/embedded.js'));
  embedded = await startEmbeddedPostgres({
    dataDir: opts['data-dir'],
    name: opts.cluster,
    database: 'trama_bench',
    preferredPort: 54349,
    log: () => {},
  });
  databaseUrl = embedded.url;
}

async function startApi(url, extraEnv = {}) {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [API_MAIN], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      DATABASE_URL: url,
      PORT: String(port),
      NODE_ENV: 'development',
      LOG_LEVEL: 'warn',
      APP_ORIGIN: base,
      LOGIN_RATE_PER_MINUTE: '1000',
      JWT_SECRET,
      TILE_URL: '',
      ACCESS_TOKEN_TTL_SECONDS: '3600',
      ...extraEnv,
    },
  });
  return { child, base };
}
const stopApi = async (child) => {
  if (!child || child.exitCode !== null) return;
  child.kill('SIGTERM');
  await new Promise((r) => (child.exitCode !== null ? r() : child.once('exit', r)));
};
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

const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
const ms = (n) => `${n.toFixed(1)} ms`;

try {
  await waitForHealth(base, 900_000);
  const db = new pg.Client({ connectionString: databaseUrl });
  db.on('error', () => {});
  await db.connect();
  const tenantId = (await db.query(`SELECT tenant_id FROM tenants WHERE istat_code = '272'`)).rows[0].tenant_id;
  // the generated activities (the approvals measured below add their own, which do not count)
  const have = Number(
    (await db.query(`SELECT count(*) FROM activities WHERE tenant_id = $1 AND client_hash = 'bench'`, [tenantId])).rows[0].count,
  );
  if (have !== wanted && !(opts.keep && have > 0)) {
    console.log(
      `generating ${wanted.toLocaleString('en')} activities and the registers ${JSON.stringify(registers)} (the database had ${have.toLocaleString('en')})…`,
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
    ])
      await db.query(`DELETE FROM ${table} WHERE tenant_id = $1`, [tenantId]);
    await db.query(`DELETE FROM buildings WHERE tenant_id = $1`, [tenantId]);
    await db.query(`UPDATE organizations SET merged_into = NULL WHERE tenant_id = $1`, [tenantId]);
    await db.query(`DELETE FROM organizations WHERE tenant_id = $1`, [tenantId]);
    await db.query(`DELETE FROM user_municipalities WHERE user_id IN (SELECT id FROM users WHERE email LIKE 'bench.%')`);
    await generate({ databaseUrl, activities: wanted, ...registers, seed: Number(opts.seed) });
  } else {
    console.log(`reusing ${have.toLocaleString('en')} activities in the bench database`);
  }
  const [{ n: summaryRows }] = (await db.query(`SELECT count(*)::int AS n FROM indicator_activity_months WHERE tenant_id = $1`, [tenantId]))
    .rows;

  // 20 manual indicators, five years of validated monthly values per municipality (idempotent)
  const munis = (await db.query(`SELECT id FROM municipalities WHERE tenant_id = $1`, [tenantId])).rows.map((r) => r.id);
  for (let k = 1; k <= MANUAL; k++) {
    const code = `bench_manual_${String(k).padStart(2, '0')}`;
    const agg = k % 4 === 0 ? 'last' : k % 4 === 1 ? 'sum' : k % 4 === 2 ? 'avg' : 'max';
    await db.query(
      `INSERT INTO indicator_definitions (tenant_id, code, name_it, name_en, unit, kind, time_aggregation, territory_aggregation, direction, per_capita, source, position)
       VALUES ($1, $2, $3, $3, 'count', 'result', $4, 'sum', 'higher', $5, 'manual', 1000 + $6) ON CONFLICT (tenant_id, code) DO NOTHING`,
      [tenantId, code, `Indicatore di prova ${k}`, agg, k % 5 === 0, k],
    );
    const [{ id, n }] = (
      await db.query(
        `SELECT d.id, (SELECT count(*)::int FROM indicator_values v WHERE v.tenant_id = d.tenant_id AND v.definition_id = d.id) AS n
           FROM indicator_definitions d WHERE d.tenant_id = $1 AND d.code = $2`,
        [tenantId, code],
      )
    ).rows;
    if (n >= munis.length * 60) continue;
    await db.query(
      `INSERT INTO indicator_values (tenant_id, definition_id, territory_kind, municipality_id, period, grain, period_start, period_end, value, status, validated_at)
       SELECT $1, $2, 'municipality', m, to_char(d, 'YYYY-MM'), 'month', d, (d + interval '1 month - 1 day')::date, (random() * 100)::numeric(18, 4), 'validated', now()
         FROM unnest($3::uuid[]) AS m, generate_series(DATE '2022-01-01', DATE '2026-12-01', interval '1 month') AS d
       ON CONFLICT DO NOTHING`,
      [tenantId, id, munis],
    );
  }
  // planner statistics and the visibility map, as after a generation (a cut-short one never got them)
  for (const t of [
    'indicator_values',
    'indicator_definitions',
    'indicator_activity_months',
    'municipality_populations',
    'buildings',
    'building_stage_changes',
    'organizations',
    'initiatives',
    'initiative_municipalities',
    'users',
    'user_municipalities',
  ])
    await db.query(`VACUUM ANALYZE ${t}`);
  const [{ n: valueRows }] = (await db.query(`SELECT count(*)::int AS n FROM indicator_values WHERE tenant_id = $1`, [tenantId])).rows;
  console.log(
    `${summaryRows.toLocaleString('en')} summary rows (indicator_activity_months), ${valueRows.toLocaleString('en')} manual values`,
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
  const codes = (
    await db.query(`SELECT code FROM indicator_definitions WHERE tenant_id = $1 AND active ORDER BY position, code`, [tenantId])
  ).rows.map((r) => r.code);

  // the capturing API: same build and database, through the recording proxy
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
  async function capturedSql(path) {
    const get = async () => {
      const res = await fetch(`${capture.api.base}${path}`, { headers: { authorization: `Bearer ${coordinator}` } });
      if (!res.ok) throw new Error(`capture ${path}: ${res.status} ${await res.text()}`);
      await res.arrayBuffer();
    };
    await get();
    proxy.take();
    await get();
    return proxy.take();
  }

  const views = [
    ['every municipality', '&by=municipality'],
    ['every social area', '&by=socialArea'],
    ['the tenant', ''],
  ];
  const results = [];
  const all = [];
  const allDb = [];
  for (const code of codes) {
    for (const [view, extra] of views) {
      const name = `${code}: ${view}`;
      if (opts.only && !new RegExp(opts.only, 'i').test(name)) continue;
      const path = `/api/indicators/${code}/values?territory=tenant&from=${FROM}&to=${TO}&grain=quarter${extra}`;
      const once = async () => {
        const t0 = performance.now();
        const res = await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${coordinator}` } });
        const body = await res.json();
        if (!res.ok) throw new Error(`${name}: ${res.status} ${JSON.stringify(body)}`);
        return { ms: performance.now() - t0, items: body.items.length };
      };
      for (let i = 0; i < 2; i++) await once();
      const times = [];
      let items = 0;
      for (let i = 0; i < REQUESTS; i++) {
        const r = await once();
        times.push(r.ms);
        items = r.items;
      }
      times.sort((a, b) => a - b);
      const { reads } = splitExplainable(await capturedSql(path));
      const explained = await explainStatements(replay, reads, EXPLAIN_RUNS);
      const dbTimes = Array.from({ length: EXPLAIN_RUNS }, (_, run) => explained.reduce((s, e) => s + e.times[run], 0)).sort(
        (a, b) => a - b,
      );
      const slowest = explained
        .map((e) => ({
          sql: e.statement.text.replace(/\s+/g, ' ').slice(0, 90),
          ms: [...e.times].sort((a, b) => a - b)[Math.floor(e.times.length / 2)],
        }))
        .sort((a, b) => b.ms - a.ms)[0];
      all.push(...times);
      allDb.push(...dbTimes);
      results.push({
        name,
        items,
        p50: pct(times, 50),
        p95: pct(times, 95),
        dbP50: pct(dbTimes, 50),
        dbP95: pct(dbTimes, 95),
        statements: reads.length,
        slowest,
      });
      console.log(
        `${name.padEnd(56)} ${String(items).padStart(5)} cells  API p50 ${ms(pct(times, 50)).padStart(9)} p95 ${ms(pct(times, 95)).padStart(9)}   DB p50 ${ms(pct(dbTimes, 50)).padStart(9)} (${reads.length} statements; slowest ${slowest ? ms(slowest.ms) : '-'})`,
      );
    }
  }
  await replay.end();
  all.sort((a, b) => a - b);
  allDb.sort((a, b) => a - b);
  console.log(
    `\nroll-ups: ${results.length} views × ${REQUESTS} requests: API p50 ${ms(pct(all, 50))}, p95 ${ms(pct(all, 95))}, max ${ms(all[all.length - 1])}; DB p50 ${ms(pct(allDb, 50))}, p95 ${ms(pct(allDb, 95))}`,
  );

  // ---- approval → changed value
  const innovatorRow = (
    await db.query(
      `SELECT u.email, m.istat_code, m.id AS municipality_id FROM users u JOIN user_municipalities um ON um.user_id = u.id JOIN municipalities m ON m.id = um.municipality_id
        WHERE u.email = 'bench.innovatore.1@trama.test' LIMIT 1`,
    )
  ).rows[0];
  const innovator = await login(innovatorRow.email, BENCH_PASSWORD);
  const month = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome', year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(),
  );
  const valuePath = `/api/indicators/activities_held/values?territory=municipality:${innovatorRow.istat_code}&period=${month.slice(0, 7)}`;
  const read = async () => {
    const res = await fetch(`${base}${valuePath}`, { headers: { authorization: `Bearer ${coordinator}` } });
    if (!res.ok) throw new Error(`read: ${res.status} ${await res.text()}`);
    return (await res.json()).items[0].value;
  };
  const post = async (token, path, body) => {
    const res = await fetch(`${base}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return res.json();
  };
  const lags = [];
  const reads = [];
  for (let i = 0; i < Number(opts.approvals); i++) {
    const created = await post(innovator, '/api/activities', {
      clientId: crypto.randomUUID(),
      municipality: innovatorRow.istat_code,
      date: month,
      type: 'meeting',
      title: `Incontro di prova ${i + 1}`,
      durationMinutes: 60,
      participants: { total: 10 },
    });
    await post(innovator, `/api/activities/${created.id}/submit`, {});
    const before = await read();
    const t0 = performance.now();
    await post(coordinator, `/api/activities/${created.id}/approve`, {});
    let after = await read();
    let tries = 1;
    while (after !== before + 1 && performance.now() - t0 < 5000) {
      after = await read();
      tries += 1;
    }
    if (after !== before + 1) throw new Error(`the value did not change within 5 s (${before} → ${after})`);
    lags.push(performance.now() - t0);
    reads.push(tries);
  }
  lags.sort((a, b) => a - b);
  console.log(
    `approval → changed value (approve + read until it shows): p50 ${ms(pct(lags, 50))}, p95 ${ms(pct(lags, 95))}, max ${ms(lags[lags.length - 1])}; reads needed: ${Math.max(...reads)} at most`,
  );
  console.log(
    `load average at the end: ${(await import('node:fs')).readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}`,
  );
  await db.end();
} finally {
  await stopAll();
}
