// The collaboration model's benchmark (issue 11): one command, prints its figures.
//
//   npm run bench:collaborations                                   # 30,000 organizations, 1,000,000 activities
//   npm run bench:collaborations -- --activities 200000 --skip-build --requests 50
//   npm run bench:collaborations -- --data-dir /work/bench-data/<name> --cluster bench-postgres   # a prepared 1M set
//   DATABASE_URL=postgres://… npm run bench:collaborations -- --database trama_bench_<name>        # a server's database of your own
//
// Builds the API, starts it on the embedded PostgreSQL (.data/bench-postgres, shared with `npm run
// bench`; or DATABASE_URL's server, database trama_bench), generates the registers with
// bench/generate.mjs when the database holds fewer activities than asked, then measures:
// - the recompute of the whole tenant's suggestions after a change of weights (PUT
//   /api/collaborations/weights, then /status polled until the new version is computed): the
//   server's own duration and the wall time, beside PostgreSQL's time for the network's aggregate
//   (the joint approved activities, EXPLAIN ANALYZE);
// - a page of suggestions (a coordinator; page 1, a municipality, a theme, a deep page): latency
//   p50/p95, beside the database's own time for the statements of that request (captured on the
//   wire by a second API process through bench/sql-capture.mjs and replayed under EXPLAIN ANALYZE).
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { mustRun, requireNode24, root, waitForHealth } from '../scripts/lib.mjs';
import { startApi, stopApi } from './api-process.mjs';
import { generate } from './generate.mjs';
import { explainStatements, splitExplainable, startCaptureProxy } from './sql-capture.mjs';

requireNode24();
const { values: opts } = parseArgs({
  options: {
    activities: { type: 'string', default: '1000000' },
    buildings: { type: 'string', default: '50000' },
    organizations: { type: 'string', default: '30000' },
    initiatives: { type: 'string', default: '20000' },
    requests: { type: 'string', default: '50' },
    recomputes: { type: 'string', default: '3' },
    // seconds between two changes of weights: the job's VACUUM after a recompute, off the coordinator's wait
    pause: { type: 'string', default: '5' },
    'explain-runs': { type: 'string', default: '5' },
    seed: { type: 'string', default: '42' },
    'skip-build': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    'data-dir': { type: 'string', default: join(root, '.data') },
    cluster: { type: 'string', default: 'bench-postgres' },
    // the database on DATABASE_URL's server (one of its own per engineer on a shared server)
    database: { type: 'string', default: 'trama_bench' },
  },
});
const wanted = Number(opts.activities);
const registers = { buildings: Number(opts.buildings), organizations: Number(opts.organizations), initiatives: Number(opts.initiatives) };
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
  if ((await c.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [opts.database])).rowCount === 0)
    await c.query(`CREATE DATABASE "${opts.database}"`);
  await c.end();
  server.pathname = `/${opts.database}`;
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

// A kept-alive socket the server closed just then answers ECONNRESET (the API's keep-alive timer
// fires late when its event loop was busy): a read is sent again once.
const fetchRetried = async (url, init = {}) => {
  try {
    return await fetch(url, init);
  } catch (error) {
    if ((init.method ?? 'GET') !== 'GET') throw error;
    return fetch(url, init);
  }
};
const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
const ms = (n) => `${n.toFixed(1)} ms`;

try {
  await waitForHealth(base, 900_000);
  const db = new pg.Client({ connectionString: databaseUrl });
  db.on('error', () => {});
  await db.connect();
  const tenantId = (await db.query(`SELECT tenant_id FROM tenants WHERE istat_code = '272'`)).rows[0].tenant_id;
  const have = Number(
    (await db.query(`SELECT count(*) FROM activities WHERE tenant_id = $1 AND client_hash = 'bench'`, [tenantId])).rows[0].count,
  );
  if (have !== wanted && !(opts.keep && have > 0)) {
    console.log(
      `generating ${wanted.toLocaleString('en')} activities and ${JSON.stringify(registers)} (the database had ${have.toLocaleString('en')})…`,
    );
    for (const table of [
      'collaboration_suggestions',
      'collaboration_communities',
      'collaboration_open_suggestions',
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
  const [counts] = (
    await db.query(
      `SELECT (SELECT count(*)::int FROM organizations WHERE tenant_id = $1 AND active) AS organizations,
              (SELECT count(*)::int FROM activities WHERE tenant_id = $1) AS activities,
              (SELECT count(*)::int FROM activity_organizations WHERE tenant_id = $1) AS links`,
      [tenantId],
    )
  ).rows;
  console.log(
    `tenant 272: ${counts.organizations.toLocaleString('en')} active organizations, ${counts.activities.toLocaleString('en')} activities, ${counts.links.toLocaleString('en')} activity–organization links`,
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
  const call = async (method, path, body) => {
    const res = await fetchRetried(`${base}${path}`, {
      method,
      headers: { authorization: `Bearer ${coordinator}`, 'content-type': 'application/json' },
      body: body ? JSON.stringify(body) : undefined,
    });
    const json = await res.json();
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
    return json;
  };

  // ---- the recompute after a change of weights
  const waitComputed = async (version) => {
    for (;;) {
      const s = await call('GET', '/api/collaborations/status');
      if (s.computedVersion >= version && s.state === 'idle') return s;
      if (s.state === 'failed') throw new Error('the recompute failed');
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  // a first recompute in the background (a first read would compute a tenant never computed, synchronously)
  {
    const w = await call('GET', '/api/collaborations/weights');
    const saved = await call('PUT', '/api/collaborations/weights', { ...w.defaults, version: w.version });
    const s = await waitComputed(saved.version);
    console.log(`first compute: server ${ms(s.durationMs)}, ${s.suggestions.toLocaleString('en')} suggestions`);
  }
  const recomputes = [];
  for (let i = 0; i < Number(opts.recomputes); i++) {
    await new Promise((r) => setTimeout(r, Number(opts.pause) * 1000));
    const w = await call('GET', '/api/collaborations/weights');
    const t0 = performance.now();
    // a change of a factor's weight: every score (and reason) moves, every suggestion is written again
    const saved = await call('PUT', '/api/collaborations/weights', {
      weights: { ...w.weights, themes: w.weights.themes === w.defaults.weights.themes ? w.weights.themes + 5 : w.defaults.weights.themes },
      halfLifeMonths: w.halfLifeMonths,
      maxHops: w.maxHops,
      minScore: w.minScore,
      version: w.version,
    });
    const s = await waitComputed(saved.version);
    recomputes.push({ wall: performance.now() - t0, server: s.durationMs, suggestions: s.suggestions });
    console.log(
      `recompute ${i + 1}: server ${ms(s.durationMs)}, wall (PUT → computed) ${ms(performance.now() - t0)}, ${s.suggestions.toLocaleString('en')} suggestions stored`,
    );
  }
  // the same weights saved again: a recompute whose suggestions all stay as they are (the write's floor)
  {
    await new Promise((r) => setTimeout(r, Number(opts.pause) * 1000));
    const w = await call('GET', '/api/collaborations/weights');
    const t0 = performance.now();
    const saved = await call('PUT', '/api/collaborations/weights', {
      weights: w.weights,
      halfLifeMonths: w.halfLifeMonths,
      maxHops: w.maxHops,
      minScore: w.minScore,
      version: w.version,
    });
    const s = await waitComputed(saved.version);
    console.log(`recompute, weights unchanged: server ${ms(s.durationMs)}, wall ${ms(performance.now() - t0)}`);
  }
  const explainEdges = async () => {
    const { rows } = await db.query(
      `EXPLAIN (ANALYZE, FORMAT JSON)
       SELECT x.organization_id AS a, y.organization_id AS b,
              sum(power(0.5, greatest(0, extract(epoch FROM (now() - a.date::timestamptz)) / 2629746.0) / 18))::float8 AS weight, count(*)::int
         FROM activities a
         JOIN activity_organizations x ON x.tenant_id = a.tenant_id AND x.activity_id = a.id
         JOIN activity_organizations y ON y.tenant_id = a.tenant_id AND y.activity_id = a.id AND x.organization_id < y.organization_id
        WHERE a.tenant_id = $1 AND a.status = 'approved'
        GROUP BY 1, 2`,
      [tenantId],
    );
    const plan = rows[0]['QUERY PLAN'][0];
    return plan['Planning Time'] + plan['Execution Time'];
  };
  const edgeTimes = [];
  for (let i = 0; i < 3; i++) edgeTimes.push(await explainEdges());
  edgeTimes.sort((a, b) => a - b);
  console.log(
    `  PostgreSQL alone, the network's aggregate of joint approved activities (EXPLAIN ANALYZE, median of 3): ${ms(pct(edgeTimes, 50))}`,
  );
  // what the recompute reads now: the links kept by triggers (collaboration_links, migration 1764850000000)
  const explainLinks = async () => {
    const { rows } = await db.query(
      `EXPLAIN (ANALYZE, FORMAT JSON)
       SELECT l.organization_a AS a, l.organization_b AS b,
              sum(l.n * power(0.5, greatest(0, extract(epoch FROM (now() - l.day::timestamptz))::float8 / 2629746.0) / 18))::float8 AS weight,
              sum(l.n)::int AS count
         FROM collaboration_links l WHERE l.tenant_id = $1
        GROUP BY 1, 2 ORDER BY 1, 2`,
      [tenantId],
    );
    const plan = rows[0]['QUERY PLAN'][0];
    return plan['Planning Time'] + plan['Execution Time'];
  };
  const linkTimes = [];
  for (let i = 0; i < 3; i++) linkTimes.push(await explainLinks());
  linkTimes.sort((a, b) => a - b);
  console.log(
    `  PostgreSQL alone, the recompute's read of every link from collaboration_links (EXPLAIN ANALYZE, median of 3): ${ms(pct(linkTimes, 50))}`,
  );

  // ---- a page of suggestions
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
      const res = await fetchRetried(`${capture.api.base}${path}`, { headers: { authorization: `Bearer ${coordinator}` } });
      if (!res.ok) throw new Error(`capture ${path}: ${res.status} ${await res.text()}`);
      await res.arrayBuffer();
    };
    await get();
    proxy.take();
    await get();
    return proxy.take();
  }
  const [busiest] = (
    await db.query(
      `SELECT m.istat_code FROM collaboration_open_suggestions s JOIN municipalities m ON m.id = s.municipality_a
        WHERE s.tenant_id = $1 GROUP BY m.istat_code ORDER BY count(*) DESC LIMIT 1`,
      [tenantId],
    )
  ).rows;
  const [busiestOrg] = (
    await db.query(
      `SELECT o AS id FROM (SELECT organization_a AS o FROM collaboration_open_suggestions WHERE tenant_id = $1
                            UNION ALL SELECT organization_b FROM collaboration_open_suggestions WHERE tenant_id = $1) x
        GROUP BY o ORDER BY count(*) DESC LIMIT 1`,
      [tenantId],
    )
  ).rows;
  const scenarios = [
    ['page 1 (20), whole tenant', '/api/collaborations/suggestions?pageSize=20'],
    [
      `page 1, municipality ${busiest?.istat_code}`,
      `/api/collaborations/suggestions?pageSize=20&municipality=${busiest?.istat_code ?? '072006'}`,
    ],
    ['page 1, theme youth', '/api/collaborations/suggestions?pageSize=20&theme=youth'],
    ['page 50, whole tenant', '/api/collaborations/suggestions?pageSize=20&page=50'],
    [`page 1, one organization`, `/api/collaborations/suggestions?pageSize=20&organization=${busiestOrg?.id}`],
  ];
  const all = [];
  for (const [name, path] of scenarios) {
    const once = async () => {
      const t0 = performance.now();
      const res = await fetchRetried(`${base}${path}`, { headers: { authorization: `Bearer ${coordinator}` } });
      const body = await res.json();
      if (!res.ok) throw new Error(`${name}: ${res.status} ${JSON.stringify(body)}`);
      return { ms: performance.now() - t0, total: body.total };
    };
    for (let i = 0; i < 3; i++) await once();
    const times = [];
    let total = 0;
    for (let i = 0; i < REQUESTS; i++) {
      const r = await once();
      times.push(r.ms);
      total = r.total;
    }
    times.sort((a, b) => a - b);
    all.push(...times);
    const { reads } = splitExplainable(await capturedSql(path));
    const explained = await explainStatements(replay, reads, EXPLAIN_RUNS);
    const dbTimes = Array.from({ length: EXPLAIN_RUNS }, (_, run) => explained.reduce((s, e) => s + e.times[run], 0)).sort((a, b) => a - b);
    console.log(
      `${name.padEnd(40)} total ${String(total).padStart(7)}  API p50 ${ms(pct(times, 50)).padStart(9)} p95 ${ms(pct(times, 95)).padStart(9)}   DB p50 ${ms(pct(dbTimes, 50)).padStart(9)} (${reads.length} statements)`,
    );
  }
  all.sort((a, b) => a - b);
  console.log(`\nsuggestion pages: API p50 ${ms(pct(all, 50))}, p95 ${ms(pct(all, 95))}`);
  const load = (await import('node:os'))
    .loadavg()
    .map((x) => x.toFixed(1))
    .join(', ');
  console.log(`node ${process.version}, ${embedded ? 'embedded PostgreSQL 18' : 'external PostgreSQL'}; load average ${load}`);
  await replay.end();
  await db.end();
} finally {
  await stopAll();
}
