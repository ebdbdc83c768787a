// The activities benchmark: one command, prints its figures.
//
//   npm run bench                       # 1,000,000 activities (generated once, kept in .data/bench-postgres)
//   npm run bench -- --activities 100000 --requests 300 --concurrency 4 --fresh
//   npm run bench -- --skip-build --skip-export --only 'type|theme' --plans --json /tmp/after.json
//   npm run bench -- --activities 100000 --only 'layer|list|buildings|organizations|initiatives' --skip-map-page
//
// Builds the API, starts it on the embedded PostgreSQL (or DATABASE_URL's server, database
// trama_bench), generates the synthetic data when the database holds fewer activities than asked,
// then measures: the list endpoint with typical filters (latency p50/p95, throughput), the map
// layers (modules/map: whole metropolitan city at zoom 9, a municipality, a few streets at zoom 16,
// with and without filters), the registers' lists (buildings, organizations, initiatives: page 1,
// filters, a search, a deep page), the exports (activities CSV/XLSX of 100,000 rows; the registers'
// GeoJSON and CSV, 50,000 buildings among them: time, size, the API's resident memory every 20 ms and
// its V8 heap through bench/memory-probe.cjs), and the map page in headless Chromium
// (bench/map-page.mjs: time until the layers show clustered, frame timing of a pan).
//
// Beside each list scenario it prints the database's own time for the SQL of that request: a
// second API process (same build, same database) talks to PostgreSQL through a recording proxy
// (bench/sql-capture.mjs); one request of the scenario is sent to it and every statement it sends
// on the wire (text and parameters) is captured, then replayed `--explain-runs` times with
// EXPLAIN (ANALYZE, BUFFERS). "DB" is the planning + execution time the server reports, summed over
// the statements of one request; API ÷ DB is the ratio of the medians. The measured API talks to
// PostgreSQL directly. `--json FILE` writes the figures for bench/compare.mjs.
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { API_MAIN, freePort, mustRun, requireNode24, root, waitForHealth } from '../scripts/lib.mjs';
import { BENCH_PASSWORD, generate } from './generate.mjs';
import { explainStatements, oneLine, planOutline, splitExplainable, startCaptureProxy } from './sql-capture.mjs';

requireNode24();
const { values: opts } = parseArgs({
  options: {
    activities: { type: 'string', default: '1000000' },
    // the registers of issue 9, beside the activities in the same tenant
    buildings: { type: 'string', default: '50000' },
    organizations: { type: 'string', default: '30000' },
    initiatives: { type: 'string', default: '20000' },
    requests: { type: 'string', default: '200' },
    concurrency: { type: 'string', default: '4' },
    'export-rows': { type: 'string', default: '100000' },
    seed: { type: 'string', default: '42' },
    fresh: { type: 'boolean', default: false },
    'skip-build': { type: 'boolean', default: false },
    'skip-export': { type: 'boolean', default: false },
    /** a regular expression: only the exports whose name (`activities csv`, `initiatives geojson`…) matches */
    exports: { type: 'string' },
    /** no map page in Chromium (it needs the web build: built unless --skip-build) */
    'skip-map-page': { type: 'boolean', default: false },
    'map-page-runs': { type: 'string', default: '3' },
    'explain-runs': { type: 'string', default: '30' },
    /** a regular expression: only the list scenarios whose name matches */
    only: { type: 'string' },
    /** print the plan of every statement of every scenario */
    plans: { type: 'boolean', default: false },
    json: { type: 'string' },
    /** the embedded cluster: <data-dir>/<cluster> (default .data/bench-postgres of this checkout) */
    'data-dir': { type: 'string', default: join(root, '.data') },
    cluster: { type: 'string', default: 'bench-postgres' },
  },
});
const wanted = Number(opts.activities);
const wantedRegisters = {
  buildings: Number(opts.buildings),
  organizations: Number(opts.organizations),
  initiatives: Number(opts.initiatives),
};
const REQUESTS = Number(opts.requests);
const CONCURRENCY = Number(opts.concurrency);
const EXPORT_ROWS = Number(opts['export-rows']);
const wantedExport = (name) => !opts.exports || new RegExp(opts.exports).test(name);
const EXPLAIN_RUNS = Number(opts['explain-runs']);
// both API processes sign tokens with the same secret, so one sign-in serves both
const JWT_SECRET = 'bench-secret-bench-secret-bench-secret-00';
const loadAverage = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
const loadAtStart = loadAverage();

if (!opts['skip-build']) {
  const projects = opts['skip-map-page'] ? ['api'] : ['api', 'web'];
  await mustRun('nx', ['run-many', '-t', 'build', '-p', ...projects, '--output-style=stream']);
}

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
    dataDir: opts['data-dir'],
    name: opts.cluster,
    database: 'trama_bench',
    preferredPort: 54349,
    log: () => {},
  });
  databaseUrl = embedded.url;
}

// ---- the API
async function startApi(url, extraEnv = {}) {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  // the memory probe answers the heap figures over IPC (bench/memory-probe.cjs)
  const child = spawn(process.execPath, ['--require', join(root, 'bench/memory-probe.cjs'), API_MAIN], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    env: {
      ...process.env,
      DATABASE_URL: url,
      PORT: String(port),
      NODE_ENV: 'development',
      LOG_LEVEL: 'warn',
      APP_ORIGIN: base,
      LOGIN_RATE_PER_MINUTE: '1000',
      JWT_SECRET,
      // no map tiles (no internet here; the map page draws the layers on a blank background)
      TILE_URL: '',
      // a long run outlasts the default 15 minutes of an access token (its scenarios then fail with
      // 401 half-way, as a 100-request run did under load): the tokens signed in once last an hour
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
/** the API process whose SQL is captured (started after the data is ready) */
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

const rssMb = () => {
  const status = readFileSync(`/proc/${api.pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)[1]) / 1024;
};
/** The API's V8 heap (used), MB, as its memory probe reports it. */
function heapMb() {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(null), 1000);
    api.once('message', (m) => {
      clearTimeout(timer);
      resolve(m.memory.heapUsed / 2 ** 20);
    });
    api.send('memory');
  });
}
/** Samples the API's RSS every 20 ms and its heap every 100 ms; stop() returns both peaks. */
function sampler() {
  let peak = rssMb();
  let heapPeak = 0;
  const timer = setInterval(() => {
    try {
      peak = Math.max(peak, rssMb());
    } catch {
      /* process gone */
    }
  }, 20);
  let sampling = true;
  const heapLoop = (async () => {
    while (sampling) {
      heapPeak = Math.max(heapPeak, (await heapMb()) ?? 0);
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  const stop = () => {
    clearInterval(timer);
    sampling = false;
    return peak;
  };
  stop.both = async () => {
    const rss = stop();
    await heapLoop;
    return { rss, heap: heapPeak };
  };
  return stop;
}

try {
  // long: on first start after a new index migration the API builds the indexes on 1M rows first
  await waitForHealth(base, 900_000);

  // ---- data
  const db = new pg.Client({ connectionString: databaseUrl });
  // the cluster stops in `finally` when something failed: that error is the one to see
  db.on('error', () => {});
  await db.connect();
  const tenantId = (await db.query(`SELECT tenant_id FROM tenants WHERE istat_code = '272'`)).rows[0].tenant_id;
  const count = async () => Number((await db.query('SELECT count(*) FROM activities WHERE tenant_id = $1', [tenantId])).rows[0].count);
  let have = await count();
  // data generated before activities had points has nothing to put on the map: generate again
  const placed = Number(
    (await db.query('SELECT count(*) FROM activities WHERE tenant_id = $1 AND lat IS NOT NULL', [tenantId])).rows[0].count,
  );
  const registerCounts = async () => {
    const out = {};
    for (const table of Object.keys(wantedRegisters))
      out[table] = Number((await db.query(`SELECT count(*) FROM ${table} WHERE tenant_id = $1`, [tenantId])).rows[0].count);
    return out;
  };
  let registers = await registerCounts();
  // the demo seed adds a few organizations and buildings of its own: "enough" is within 100 of the count asked
  const registersDiffer = Object.entries(wantedRegisters).some(([k, n]) => Math.abs(registers[k] - n) > 100);
  if (opts.fresh || have !== wanted || placed === 0 || registersDiffer) {
    console.log(
      `generating ${wanted.toLocaleString('en')} activities and the registers ${JSON.stringify(wantedRegisters)} (the database had ${have.toLocaleString('en')} and ${JSON.stringify(registers)})…`,
    );
    // the registers' rows of the tenant, the demo's included (references first)
    for (const table of [
      'activity_organizations',
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
    await generate({ databaseUrl, activities: wanted, ...wantedRegisters, seed: Number(opts.seed) });
    have = await count();
    registers = await registerCounts();
  } else {
    console.log(`reusing ${have.toLocaleString('en')} activities in the bench database`);
    for (const table of ['activities', 'buildings', 'organizations', 'initiatives']) await db.query(`VACUUM ANALYZE ${table}`);
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
  // a demo account: the Comune of Molfetta (approved activities of one municipality)
  const municipality = await login('comune.molfetta@trama.test', process.env.DEMO_PASSWORD ?? 'Trama-demo-2026');
  const [recent] = (await db.query(`SELECT date FROM activities WHERE tenant_id = $1 ORDER BY date DESC LIMIT 1`, [tenantId])).rows;
  const to = recent.date.toISOString().slice(0, 10);
  const quarterAgo = new Date(recent.date.getTime() - 90 * 86_400_000).toISOString().slice(0, 10);
  const todayInItaly = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome' }).format(new Date());
  const pageDefaultPeriod = `from=${new Date(Date.parse(todayInItaly) - 89 * 86_400_000).toISOString().slice(0, 10)}&to=${todayInItaly}`;
  const org = (await db.query(`SELECT organization_id FROM activity_organizations WHERE tenant_id = $1 LIMIT 1`, [tenantId])).rows[0]
    .organization_id;
  // the map layer's viewports: the whole metropolitan city at the zoom a coordinator lands on, one
  // municipality whole, and a few streets of it (a phone's screen at zoom 16 is ~0.01° wide)
  const around = async (istat, dLon, dLat) => {
    const [m] = (await db.query(`SELECT lat, lon FROM municipalities WHERE tenant_id = $1 AND istat_code = $2`, [tenantId, istat])).rows;
    return [m.lon - dLon, m.lat - dLat, m.lon + dLon, m.lat + dLat].map((v) => v.toFixed(5)).join(',');
  };
  const metro = '15.9,40.6,17.6,41.5';
  const bariStreets = await around('072006', 0.012, 0.008);
  const molfettaWhole = await around('072029', 0.08, 0.06);
  const molfettaStreets = await around('072029', 0.012, 0.008);
  const layerOf = (name, bbox, zoom, filters = '') => `/api/map/layers/${name}?bbox=${bbox}&zoom=${zoom}${filters ? `&${filters}` : ''}`;
  const layer = (bbox, zoom, filters = '') => layerOf('activities', bbox, zoom, filters);
  // the registers' layers the map serves in this checkout (the others answer 404 until they land)
  const served = [];
  for (const name of ['buildings', 'organizations', 'initiatives']) {
    const res = await fetch(`${base}${layerOf(name, bariStreets, 16)}`, { headers: { authorization: `Bearer ${coordinator}` } });
    await res.arrayBuffer();
    if (res.ok) served.push(name);
    else console.log(`the ${name} layer is not served here (${res.status}): no scenario for it`);
  }
  // each register layer: whole metro at zoom 9 (unfiltered, filtered), Bari streets at zoom 16 (same),
  // the Molfetta user's municipality (zoom 12) and streets (zoom 16)
  const LAYER_FILTER = { buildings: 'stage=assigned', organizations: 'theme=youth', initiatives: 'status=running' };
  const registerLayerScenarios = served.flatMap((name) => [
    [`layer ${name}: coordinator, metro, zoom 9`, coordinator, '', layerOf(name, metro, 9)],
    [`layer ${name}: coordinator, metro, zoom 9, ${LAYER_FILTER[name]}`, coordinator, '', layerOf(name, metro, 9, LAYER_FILTER[name])],
    [`layer ${name}: coordinator, Bari streets, zoom 16`, coordinator, '', layerOf(name, bariStreets, 16)],
    [
      `layer ${name}: coordinator, Bari streets, zoom 16, ${LAYER_FILTER[name]}`,
      coordinator,
      '',
      layerOf(name, bariStreets, 16, LAYER_FILTER[name]),
    ],
    [`layer ${name}: municipality user, Molfetta, zoom 12`, municipality, '', layerOf(name, molfettaWhole, 12)],
    [`layer ${name}: municipality user, Molfetta streets, zoom 16`, municipality, '', layerOf(name, molfettaStreets, 16)],
  ]);
  // the registers' lists (pageSize 50): page 1, filters, a search, a deep page, a municipality user's view
  const list = (name, query = '') => `/api/${name}?pageSize=50${query ? `&${query}` : ''}`;
  const registerListScenarios = [
    ['list buildings: coordinator, page 1', coordinator, '', list('buildings')],
    ['list buildings: coordinator, stage assigned', coordinator, '', list('buildings', 'stage=assigned')],
    ['list buildings: coordinator, Bari + confiscated', coordinator, '', list('buildings', 'municipality=072006&confiscated=yes')],
    ['list buildings: coordinator, search "scuola"', coordinator, '', list('buildings', 'q=scuola')],
    ['list buildings: coordinator, page 200', coordinator, '', list('buildings', 'page=200')],
    ['list buildings: municipality user (Molfetta)', municipality, '', list('buildings')],
    ['list buildings: expiring in 6 months', coordinator, '', '/api/buildings/expiring'],
    // paged since lists-perf (the watch-list page asks 50 at a time; the default stays one page of 1,000)
    ['list buildings: expiring in 6 months, page 1 of 50', coordinator, '', '/api/buildings/expiring?pageSize=50'],
    ['list buildings: expiring in 6 months, page 20 of 50', coordinator, '', '/api/buildings/expiring?pageSize=50&page=20'],
    ['list buildings: stale (12 months)', coordinator, '', '/api/buildings/stale?pageSize=50'],
    ['list organizations: coordinator, page 1', coordinator, '', list('organizations')],
    ['list organizations: coordinator, theme youth', coordinator, '', list('organizations', 'theme=youth')],
    [
      'list organizations: coordinator, Bari + aps + offers space',
      coordinator,
      '',
      list('organizations', 'municipality=072006&kind=aps&offer=space'),
    ],
    ['list organizations: coordinator, search "melograno"', coordinator, '', list('organizations', 'q=melograno')],
    ['list organizations: coordinator, page 200', coordinator, '', list('organizations', 'page=200')],
    ['list organizations: municipality user (Molfetta)', municipality, '', list('organizations')],
    ['list organizations: stale (12 months)', coordinator, '', '/api/organizations/stale?pageSize=50'],
    ['list initiatives: coordinator, page 1', coordinator, '', list('initiatives')],
    ['list initiatives: coordinator, running', coordinator, '', list('initiatives', 'status=running')],
    [
      'list initiatives: coordinator, social area Molfetta + theme',
      coordinator,
      '',
      list('initiatives', 'socialArea=ATS_BA_MOLFETTA&theme=youth'),
    ],
    ['list initiatives: coordinator, search "orti sociali"', coordinator, '', list('initiatives', 'q=orti%20sociali')],
    ['list initiatives: coordinator, page 200', coordinator, '', list('initiatives', 'page=200')],
    ['list initiatives: municipality user (Molfetta)', municipality, '', list('initiatives')],
  ];

  // ---- the capturing API: same build and database, through the recording proxy; never migrates nor seeds
  const direct = new URL(databaseUrl);
  const proxy = await startCaptureProxy({ host: direct.hostname, port: Number(direct.port || 5432) });
  const proxied = new URL(databaseUrl);
  proxied.hostname = '127.0.0.1';
  proxied.port = String(proxy.port);
  capture = { proxy, api: await startApi(proxied.toString(), { MIGRATE_ON_BOOT: 'false', SEED_ON_BOOT: 'false' }) };
  await waitForHealth(capture.api.base, 120_000);
  // the replaying session: read-only, so that a captured statement can never write
  const replay = new pg.Client({ connectionString: databaseUrl, options: '-c default_transaction_read_only=on' });
  replay.on('error', () => {});
  await replay.connect();

  /** The statements one request sends to the database, as the capturing API sends them. */
  async function capturedSql(path, token) {
    const get = async () => {
      const res = await fetch(`${capture.api.base}${path}`, { headers: { authorization: `Bearer ${token}` } });
      if (!res.ok) throw new Error(`capture ${path}: ${res.status} ${await res.text()}`);
      await res.arrayBuffer();
    };
    await get(); // warm-up (first use of a connection, of a code path)
    proxy.take();
    await get();
    return proxy.take();
  }

  // ---- list latency
  const scenarios = [
    ['coordinator, all, page 1', coordinator, ''],
    ['coordinator, review queue (submitted)', coordinator, 'status=submitted'],
    ['coordinator, municipality Bari + last quarter', coordinator, `municipality=072006&from=${quarterAgo}&to=${to}`],
    ['coordinator, social area Molfetta', coordinator, 'socialArea=ATS_BA_MOLFETTA'],
    ['coordinator, type + theme', coordinator, 'type=workshop&theme=youth'],
    ['coordinator, theme', coordinator, 'theme=youth'],
    ['coordinator, organization', coordinator, `organization=${org}`],
    ['coordinator, free text "laboratori giovanili"', coordinator, 'q=laboratori%20giovanili'],
    ['coordinator, page 50', coordinator, 'page=50'],
    ['innovator, own municipalities', innovator, ''],
    ['innovator, own activities', innovator, `innovator=${innovatorRow.id}`],
    ['municipality user (Molfetta), default view', municipality, ''],
    ['municipality user (Molfetta), theme', municipality, 'theme=youth'],
    // each role's home (one summary request: several counts and short lists, apps/api/src/modules/home)
    ['home: innovator (returned, drafts, unvisited)', innovator, '', '/api/home/innovator'],
    ['home: coordinator (queue, inactive, expiring, week)', coordinator, '', '/api/home/coordinator'],
    ['home: municipality user (Molfetta), last 90 days', municipality, '', '/api/home/municipality'],
    ['home: badges, innovator', innovator, '', '/api/home/counts'],
    ['home: badges, coordinator', coordinator, '', '/api/home/counts'],
    // the map layer (apps/api/src/modules/map, docs/map.md): "matches" is the layer's total
    ['layer: coordinator, metropolitan city, zoom 9', coordinator, '', layer(metro, 9)],
    [
      'layer: coordinator, metro, zoom 9, workshop + quarter',
      coordinator,
      '',
      layer(metro, 9, `type=workshop&from=${quarterAgo}&to=${to}`),
    ],
    ['layer: coordinator, metro, zoom 9, theme', coordinator, '', layer(metro, 9, 'theme=youth')],
    // the map page's default period: the last 90 days ending today in Italy (features/map/utils/activity-period.ts)
    ['layer: coordinator, metro, zoom 9, last 90 days (the page default)', coordinator, '', layer(metro, 9, pageDefaultPeriod)],
    ['layer: coordinator, Bari streets, zoom 16', coordinator, '', layer(bariStreets, 16)],
    ['layer: coordinator, Bari streets, zoom 16, quarter', coordinator, '', layer(bariStreets, 16, `from=${quarterAgo}&to=${to}`)],
    ['layer: innovator, metro, zoom 9', innovator, '', layer(metro, 9)],
    ['layer: municipality user, Molfetta, zoom 12', municipality, '', layer(molfettaWhole, 12)],
    ['layer: municipality user, Molfetta streets, zoom 16', municipality, '', layer(molfettaStreets, 16)],
    ['list: coordinator, Bari streets (bbox)', coordinator, `bbox=${bariStreets}`],
    ...registerLayerScenarios,
    ...registerListScenarios,
  ].filter(([name]) => !opts.only || new RegExp(opts.only, 'i').test(name));
  const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
  const results = [];
  const all = [];
  const allDb = [];
  const stopSampling = sampler();
  const listStarted = performance.now();
  let totalRequests = 0;
  for (const [name, token, query, fullPath] of scenarios) {
    const path = fullPath ?? `/api/activities?pageSize=50${query ? `&${query}` : ''}`;
    const url = `${base}${path}`;
    const { reads, skipped } = splitExplainable(await capturedSql(path, token));
    const once = async () => {
      const t0 = performance.now();
      const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
      const body = await res.json();
      if (!res.ok) throw new Error(`${name}: ${res.status} ${JSON.stringify(body)}`);
      // a home has no single total: its headline count (queue, approved, returned), or '-'
      const headline =
        body.total ?? body.queue?.total ?? body.approved?.total ?? body.returned?.total ?? body.returned ?? body.reviewQueue ?? '-';
      return { ms: performance.now() - t0, total: headline };
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
    // the database's own time for the same statements, replayed with their parameters
    const explained = await explainStatements(replay, reads, EXPLAIN_RUNS);
    const dbTimes = Array.from({ length: EXPLAIN_RUNS }, (_, run) => explained.reduce((sum, e) => sum + e.times[run], 0)).sort(
      (a, b) => a - b,
    );
    allDb.push(...dbTimes);
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
      dbP50: pct(dbTimes, 50),
      dbP95: pct(dbTimes, 95),
      statements: explained.map((e) => {
        const times = [...e.times].sort((a, b) => a - b);
        return {
          sql: e.statement.text,
          values: e.statement.values,
          p50: pct(times, 50),
          p95: pct(times, 95),
          plan: planOutline(e.plan.Plan),
        };
      }),
      skipped: skipped.map((s) => oneLine(s.text, 60)),
    });
  }
  const listSeconds = (performance.now() - listStarted) / 1000;
  const listPeak = stopSampling();
  all.sort((a, b) => a - b);
  allDb.sort((a, b) => a - b);

  // the registers' exports: their SQL captured once (through the capturing API) and replayed with
  // EXPLAIN ANALYZE — the database's time to produce every row, without sending them
  const registerExports = [
    ['buildings', 'geojson'],
    ['buildings', 'csv'],
    ['organizations', 'geojson'],
    ['organizations', 'csv'],
    ['initiatives', 'geojson'],
    ['initiatives', 'csv'],
  ]
    .filter(([register, format]) => wantedExport(`${register} ${format}`))
    .map(([register, format]) => ({ register, format, path: `/api/${register}/export?format=${format}` }));
  if (!opts['skip-export']) {
    for (const e of registerExports) {
      // the export reads through a server-side cursor (common/database/cursor-stream.ts): its query is
      // the DECLARE's; the FETCHes only move it
      const declared = (await capturedSql(e.path, coordinator)).map((st) => ({
        ...st,
        text: st.text.replace(/^\s*DECLARE\s+\S+\s+NO SCROLL CURSOR FOR\s+/i, ''),
      }));
      const { reads } = splitExplainable(declared);
      const explained = await explainStatements(replay, reads, 3);
      const times = Array.from({ length: 3 }, (_, run) => explained.reduce((sum, x) => sum + x.times[run], 0)).sort((a, b) => a - b);
      e.dbMs = pct(times, 50);
      e.statements = explained.map((x) => ({
        sql: x.statement.text,
        p50: pct(
          [...x.times].sort((a, b) => a - b),
          50,
        ),
        plan: planOutline(x.plan.Plan),
      }));
    }
  }
  await replay.end();
  await stopApi(capture.api.child);

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
  const exports = [];
  if (!opts['skip-export']) {
    if (wantedExport('activities csv')) exports.push(await exportRun('csv', small.date.toISOString().slice(0, 10)));
    if (wantedExport('activities csv')) exports.push(await exportRun('csv', exportFrom));
    if (wantedExport('activities csv-it')) exports.push(await exportRun('csv-it', exportFrom));
    if (wantedExport('activities xlsx')) exports.push(await exportRun('xlsx', exportFrom));
  }

  /** A register's export, read to its end; RSS (every 20 ms) and V8 heap (every 100 ms) of the API sampled. */
  async function registerExportRun(e) {
    await new Promise((r) => setTimeout(r, 500));
    const before = { rss: rssMb(), heap: await heapMb() };
    const stop = sampler();
    const t0 = performance.now();
    const res = await fetch(`${base}${e.path}`, { headers: { authorization: `Bearer ${coordinator}` } });
    if (!res.ok) throw new Error(`export ${e.path}: ${res.status} ${await res.text()}`);
    let bytes = 0;
    let records = 0;
    let tail = '';
    const decoder = new TextDecoder();
    const marker = e.format === 'geojson' ? '"type":"Feature"' : '\n';
    for await (const chunk of res.body) {
      bytes += chunk.length;
      const text = tail + decoder.decode(chunk, { stream: true });
      records += text.split(marker).length - 1;
      tail = text.slice(-(marker.length - 1));
      if (marker.length === 1) tail = '';
    }
    const seconds = (performance.now() - t0) / 1000;
    const peak = await stop.both();
    return {
      ...e,
      seconds,
      bytes,
      records: e.format === 'geojson' ? records : records - 1,
      rssBefore: before.rss,
      rssPeak: peak.rss,
      heapBefore: before.heap,
      heapPeak: peak.heap,
    };
  }
  const registerExportResults = [];
  if (!opts['skip-export']) for (const e of registerExports) registerExportResults.push(await registerExportRun(e));
  await db.end();

  // ---- the map page in headless Chromium
  let mapPage = null;
  if (!opts['skip-map-page']) {
    const { measureMapPage } = await import('./map-page.mjs');
    mapPage = await measureMapPage({
      base,
      email: 'coordinatore.bari@trama.test',
      password: process.env.DEMO_PASSWORD ?? 'Trama-demo-2026',
      runs: Number(opts['map-page-runs']),
      log: (line) => console.log(line),
    });
  }

  // ---- report
  const f = (n, d = 1) => n.toFixed(d);
  console.log(
    `\nTrama benchmark — ${have.toLocaleString('en')} activities, ${registers.buildings.toLocaleString('en')} buildings, ${registers.organizations.toLocaleString('en')} organizations, ${registers.initiatives.toLocaleString('en')} initiatives in tenant 272; per scenario ${REQUESTS} requests one at a time (latency), then ${REQUESTS} at concurrency ${CONCURRENCY} (throughput)`,
  );
  console.log(
    `node ${process.version}, ${embedded ? 'embedded PostgreSQL 18' : 'external PostgreSQL'}; load average (1, 5, 15 min) ${loadAtStart} at start, ${loadAverage()} at the end\n`,
  );
  const ratio = (api, database) => (database > 0 ? `${f(api / database)}×` : '—');
  console.log(
    `list endpoint (pageSize 50)                      matches |  API p50   p95 |  DB p50   p95 | API÷DB | stmts | c=${CONCURRENCY}: p95 ms  req/s`,
  );
  for (const r of results) {
    console.log(
      `  ${r.scenario.padEnd(46)} ${String(r.matches).padStart(7)} | ${f(r.p50).padStart(8)} ${f(r.p95).padStart(5)} | ${f(r.dbP50).padStart(7)} ${f(r.dbP95).padStart(5)} | ${ratio(r.p50, r.dbP50).padStart(6)} | ${String(r.statements.length).padStart(5)} | ${f(r.loadedP95).padStart(10)} ${f(r.rps, 0).padStart(6)}`,
    );
  }
  if (all.length)
    console.log(
      `  ${'ALL (one at a time)'.padEnd(46)} ${''.padStart(7)} | ${f(pct(all, 50)).padStart(8)} ${f(pct(all, 95)).padStart(5)} | ${f(pct(allDb, 50)).padStart(7)} ${f(pct(allDb, 95)).padStart(5)} | ${ratio(pct(all, 50), pct(allDb, 50)).padStart(6)} | ${''.padStart(5)} | ${''.padStart(10)} ${f(totalRequests / listSeconds, 0).padStart(6)}`,
    );
  console.log(
    `  API: ${REQUESTS} requests one at a time, client-side; DB: planning + execution reported by EXPLAIN (ANALYZE, BUFFERS), ${EXPLAIN_RUNS} runs, summed over the statements of one request`,
  );
  console.log(`  API peak RSS during the list runs: ${f(listPeak, 0)} MB\n`);
  if (exports.length) console.log('export                       rows        MB   seconds   rows/s   RSS before → peak (MB)');
  for (const e of exports) {
    const rows = e.rows ?? EXPORT_ROWS;
    console.log(
      `  ${e.format.padEnd(7)} ${(e.rows === null ? `~${rows}` : String(rows)).padStart(16)} ${f(e.bytes / 1e6).padStart(9)} ${f(e.seconds, 2).padStart(9)} ${f(rows / e.seconds, 0).padStart(8)}   ${f(e.rssBefore, 0)} → ${f(e.rssPeak, 0)}`,
    );
  }
  if (registerExportResults.length) {
    console.log(
      '\nregister export              records        MB   seconds   rec/s   DB ms (EXPLAIN ANALYZE)   RSS before → peak (MB)   heap before → peak (MB)',
    );
    for (const e of registerExportResults) {
      console.log(
        `  ${`${e.register} ${e.format}`.padEnd(24)} ${String(e.records).padStart(9)} ${f(e.bytes / 1e6).padStart(9)} ${f(e.seconds, 2).padStart(9)} ${f(e.records / e.seconds, 0).padStart(7)}   ${f(e.dbMs ?? 0, 0).padStart(21)}   ${`${f(e.rssBefore, 0)} → ${f(e.rssPeak, 0)}`.padStart(22)}   ${`${f(e.heapBefore ?? 0, 0)} → ${f(e.heapPeak, 0)}`.padStart(23)}`,
      );
    }
  }
  if (mapPage) {
    console.log('\nmap page /mappa (coordinator, desktop 1366×768, cold context): layers shown clustered, then a 300 px pan');
    mapPage.forEach((run, i) => {
      const landing = run.landing
        .map((l) => `${l.layer} ${l.total} in ${l.features} features${l.clustered ? ' (clustered)' : ''}`)
        .join(', ');
      console.log(
        `  run ${i + 1}: shown at ${f(run.shownMs ?? NaN, 0)} ms (layer responses in by ${f(run.layersArrivedMs, 0)} ms) — ${landing}`,
      );
      const p = run.pan;
      if (!p) {
        console.log(`         pan: failed (${run.panError})`);
        return;
      }
      console.log(
        `         pan (${p.how}): ${p.frames} frames over the drag + redraw, Δ p50 ${f(p.p50)} / p95 ${f(p.p95)} / max ${f(p.max)} ms, ${p.dropped} dropped, ${p.long} over 50 ms; ${p.moved ? '' : 'THE MAP DID NOT MOVE; '}${p.requests} layer requests, redrawn ${p.redrawAfterReleaseMs === null ? '—' : `${f(p.redrawAfterReleaseMs, 0)} ms`} after release`,
      );
    });
  }
  console.log('\nstatements of one request (as captured on the wire; DB p50 / p95 ms of each):');
  for (const r of results) {
    console.log(`  ${r.scenario}${r.skipped.length ? `   (not timed: ${r.skipped.join('; ')})` : ''}`);
    for (const st of r.statements) {
      console.log(`    ${f(st.p50, 2).padStart(7)} ${f(st.p95, 2).padStart(7)}  ${oneLine(st.sql)}`);
      if (opts.plans) for (const line of st.plan) console.log(`                      ${line}`);
    }
  }
  for (const e of registerExportResults) {
    console.log(`  export ${e.register} ${e.format}`);
    for (const st of e.statements ?? []) {
      console.log(`    ${f(st.p50, 2).padStart(7)}          ${oneLine(st.sql)}`);
      if (opts.plans) for (const line of st.plan) console.log(`                      ${line}`);
    }
  }
  if (opts.json) {
    const figures = {
      at: new Date().toISOString(),
      activities: have,
      requests: REQUESTS,
      explainRuns: EXPLAIN_RUNS,
      exportRows: EXPORT_ROWS,
      loadAverage: { start: loadAtStart, end: loadAverage() },
      list: results,
      all: all.length ? { p50: pct(all, 50), p95: pct(all, 95), dbP50: pct(allDb, 50), dbP95: pct(allDb, 95) } : null,
      exports,
      registers,
      registerExports: registerExportResults,
      mapPage,
    };
    writeFileSync(opts.json, `${JSON.stringify(figures, null, 2)}\n`);
    console.log(`\nfigures written to ${opts.json}`);
  }
} finally {
  await stopAll();
}
