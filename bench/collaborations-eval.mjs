// The offline evaluation of the collaboration model (issue 11, docs/collaborations.md "Evaluation").
//
//   npm run eval:collaborations                          # demo data, then synthetic data with planted pairs
//   npm run eval:collaborations -- --skip-build --organizations 3000 --activities 40000 --plant 150
//
// Builds the API, starts it once on an embedded PostgreSQL of its own (.data/collab-eval, or
// DATABASE_URL's server, database trama_collab_eval) so that it migrates and seeds the demo, and
// then, on the demo tenant's data alone, and again after bench/generate.mjs added synthetic data
// with a planted hidden structure (plantCollaborations: complementary pairs of one municipality
// that start working together in the last 12 months):
// - hides every link formed in the last 12 months (pairs whose first joint approved activity,
//   initiative or shared building is after the cut-off), builds the network from the rest;
// - ranks pairs three ways: the model (its suggestions, best first), random pairs of the same or
//   neighbouring municipalities, and plain link prediction (Adamic–Adar; common neighbours breaking ties);
// - prints precision@10, precision@50 and recall@50 of each against the hidden new links.
// Printed, never asserted: the figures say whether the model is worth its reasons.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { API_MAIN, freePort, mustRun, requireNode24, root, waitForHealth } from '../scripts/lib.mjs';
import { generate, plantCollaborations } from './generate.mjs';

requireNode24();
const { values: opts } = parseArgs({
  options: {
    organizations: { type: 'string', default: '3000' },
    activities: { type: 'string', default: '40000' },
    buildings: { type: 'string', default: '1000' },
    initiatives: { type: 'string', default: '1000' },
    plant: { type: 'string', default: '150' },
    seed: { type: 'string', default: '42' },
    'skip-build': { type: 'boolean', default: false },
    'skip-synthetic': { type: 'boolean', default: false },
    'data-dir': { type: 'string', default: join(root, '.data') },
    cluster: { type: 'string', default: 'collab-eval' },
  },
});

if (!opts['skip-build']) await mustRun('nx', ['run-many', '-t', 'build', '-p', 'api', '--output-style=stream']);
const require = createRequire(import.meta.url);
const model = require(join(root, 'dist/apps/api/apps/api/src/modules/collaborations/model/suggest.js'));
const network = require(join(root, 'dist/apps/api/apps/api/src/modules/collaborations/model/network.js'));
const { DEFAULT_COLLABORATION_WEIGHTS } = require(join(root, 'dist/apps/api/libs/contracts/src/index.js'));

let databaseUrl;
let embedded;
if (process.env.DATABASE_URL) {
  const server = new URL(process.env.DATABASE_URL);
  server.pathname = '/postgres';
  const c = new pg.Client({ connectionString: server.toString() });
  await c.connect();
  if ((await c.query(`SELECT 1 FROM pg_database WHERE datname = 'trama_collab_eval'`)).rowCount === 0)
    await c.query('CREATE DATABASE trama_collab_eval');
  await c.end();
  server.pathname = '/trama_collab_eval';
  databaseUrl = server.toString();
} else {
  const { startEmbeddedPostgres } = require(join(root, 'dist/apps/api/apps/api/src/database/embedded.js'));
  embedded = await startEmbeddedPostgres({
    dataDir: opts['data-dir'],
    name: opts.cluster,
    database: 'trama_collab_eval',
    preferredPort: 54351,
    log: () => {},
  });
  databaseUrl = embedded.url;
}

// one start of the API: migrations, territory import, demo seed
{
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [API_MAIN], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      NODE_ENV: 'development',
      LOG_LEVEL: 'warn',
      APP_ORIGIN: base,
      JWT_SECRET: 'eval-secret-eval-secret-eval-secret-000000',
      TILE_URL: '',
    },
  });
  await waitForHealth(base, 900_000);
  child.kill('SIGTERM');
  await new Promise((r) => (child.exitCode !== null ? r() : child.once('exit', r)));
}

const db = new pg.Client({ connectionString: databaseUrl });
await db.connect();
const tenantId = (await db.query(`SELECT tenant_id FROM tenants WHERE istat_code = '272'`)).rows[0].tenant_id;

/** Every joint event of two organizations with its date: approved activities, initiatives (planned/running/completed), shared buildings. */
async function jointEvents() {
  const { rows } = await db.query(
    `SELECT x.organization_id AS a, y.organization_id AS b, a.date::text AS date
       FROM activities a
       JOIN activity_organizations x ON x.tenant_id = a.tenant_id AND x.activity_id = a.id
       JOIN activity_organizations y ON y.tenant_id = a.tenant_id AND y.activity_id = a.id AND x.organization_id < y.organization_id
      WHERE a.tenant_id = $1 AND a.status = 'approved'
     UNION ALL
     SELECT x.organization_id, y.organization_id, coalesce(i.start_date, i.created_at::date)::text
       FROM initiatives i
       JOIN initiative_organizations x ON x.tenant_id = i.tenant_id AND x.initiative_id = i.id
       JOIN initiative_organizations y ON y.tenant_id = i.tenant_id AND y.initiative_id = i.id AND x.organization_id < y.organization_id
      WHERE i.tenant_id = $1 AND i.status IN ('planned', 'running', 'completed')
     UNION ALL
     SELECT x.organization_id, y.organization_id, greatest(x.start_date, y.start_date)::text
       FROM building_assignments x
       JOIN building_assignments y ON y.tenant_id = x.tenant_id AND y.building_id = x.building_id AND x.organization_id < y.organization_id
      WHERE x.tenant_id = $1`,
    [tenantId],
  );
  return rows;
}

async function evaluate(label) {
  const started = Date.now();
  const profiles = (
    await db.query(
      `SELECT id, name, kind, municipality_id AS "municipalityId", themes, target_groups AS "targetGroups", offers, needs
         FROM organizations WHERE tenant_id = $1 AND active ORDER BY id`,
      [tenantId],
    )
  ).rows;
  const neighbours = new Map();
  for (const r of (
    await db.query(`SELECT municipality_id AS m, neighbour_id AS n FROM municipality_neighbours WHERE tenant_id = $1`, [tenantId])
  ).rows)
    neighbours.set(r.m, [...(neighbours.get(r.m) ?? []), r.n]);
  const events = await jointEvents();
  if (events.length === 0) {
    console.log(`${label}: no joint records at all: nothing to evaluate`);
    return;
  }
  const last = events.reduce((m, e) => (e.date > m ? e.date : m), '0000');
  const cutoff = new Date(`${last}T00:00:00Z`);
  cutoff.setUTCMonth(cutoff.getUTCMonth() - 12);
  const cut = cutoff.toISOString().slice(0, 10);
  const key = (a, b) => (a < b ? `${a}|${b}` : `${b}|${a}`);
  const before = new Set();
  for (const e of events) if (e.date < cut) before.add(key(e.a, e.b));
  const hidden = new Set();
  for (const e of events) if (e.date >= cut && !before.has(key(e.a, e.b))) hidden.add(key(e.a, e.b));
  const monthsBefore = (d) => (cutoff.getTime() - new Date(`${d}T00:00:00Z`).getTime()) / (30.436875 * 86_400_000);
  const train = network.edgesOf(
    events.filter((e) => e.date < cut).map((e) => ({ a: e.a, b: e.b, ageMonths: monthsBefore(e.date) })),
    18,
  );

  // the model
  const { suggestions } = model.suggest(profiles, train, neighbours, {
    weights: { ...DEFAULT_COLLABORATION_WEIGHTS },
    maxHops: 2,
    minScore: 0,
  });
  const modelRank = suggestions.map((s) => key(s.a, s.b));

  // Adamic–Adar over pairs two hops apart, common neighbours breaking ties
  const adj = new Map();
  for (const e of train) {
    adj.set(e.a, [...(adj.get(e.a) ?? []), e.b]);
    adj.set(e.b, [...(adj.get(e.b) ?? []), e.a]);
  }
  const aa = new Map();
  for (const ns of adj.values()) {
    if (ns.length < 2) continue;
    const w = 1 / Math.log(ns.length);
    for (let i = 0; i < ns.length; i++)
      for (let j = i + 1; j < ns.length; j++) {
        const k = key(ns[i], ns[j]);
        if (before.has(k)) continue;
        const cur = aa.get(k) ?? [0, 0];
        aa.set(k, [cur[0] + w, cur[1] + 1]);
      }
    if (aa.size > 5_000_000) break;
  }
  const aaRank = [...aa.entries()]
    .sort((x, y) => y[1][0] - x[1][0] || y[1][1] - x[1][1])
    .slice(0, 50)
    .map(([k]) => k);

  // random pairs of the same or neighbouring municipalities, not linked before (mean of 200 draws)
  const byMuni = new Map();
  for (const p of profiles) byMuni.set(p.municipalityId, [...(byMuni.get(p.municipalityId) ?? []), p.id]);
  const rng = network.seededRandom(7);
  const randomRanks = Array.from({ length: 200 }, () => {
    const out = [];
    for (let tries = 0; out.length < 50 && tries < 5000; tries++) {
      const a = profiles[Math.floor(rng() * profiles.length)];
      const places = [a.municipalityId, ...(neighbours.get(a.municipalityId) ?? [])];
      const pool = byMuni.get(places[Math.floor(rng() * places.length)]) ?? [];
      const b = pool[Math.floor(rng() * pool.length)];
      if (!b || b === a.id || before.has(key(a.id, b))) continue;
      out.push(key(a.id, b));
    }
    return out;
  });

  const hits = (rank, k) => rank.slice(0, k).filter((x) => hidden.has(x)).length;
  const row = (name, p10, p50, r50) =>
    console.log(`  ${name.padEnd(34)} precision@10 ${p10.toFixed(3)}   precision@50 ${p50.toFixed(3)}   recall@50 ${r50.toFixed(4)}`);
  console.log(
    `\n${label}: ${profiles.length.toLocaleString('en')} organizations, ${train.length.toLocaleString('en')} links before ${cut}, ${hidden.size.toLocaleString('en')} new links after it (hidden); ${suggestions.length.toLocaleString('en')} suggestions (${((Date.now() - started) / 1000).toFixed(1)} s)`,
  );
  if (hidden.size === 0) {
    console.log('  no new link in the last 12 months: precision and recall are undefined');
    return;
  }
  row('model (suggestions)', hits(modelRank, 10) / 10, hits(modelRank, 50) / 50, hits(modelRank, 50) / hidden.size);
  const mean = (f) => randomRanks.reduce((s, r) => s + f(r), 0) / randomRanks.length;
  row(
    'random pairs (same/neighbouring)',
    mean((r) => hits(r, 10) / 10),
    mean((r) => hits(r, 50) / 50),
    mean((r) => hits(r, 50) / hidden.size),
  );
  row('Adamic–Adar (2 hops)', hits(aaRank, 10) / 10, hits(aaRank, 50) / 50, hits(aaRank, 50) / hidden.size);
}

try {
  await evaluate('demo data (tenant 272)');
  if (!opts['skip-synthetic']) {
    const { rows } = await db.query(`SELECT count(*)::int AS n FROM activities WHERE tenant_id = $1 AND client_hash = 'planted'`, [
      tenantId,
    ]);
    if (rows[0].n === 0) {
      await generate({
        databaseUrl,
        organizations: Number(opts.organizations),
        activities: Number(opts.activities),
        buildings: Number(opts.buildings),
        initiatives: Number(opts.initiatives),
        innovators: 40,
        seed: Number(opts.seed),
        log: () => {},
      });
      await plantCollaborations({ databaseUrl, pairs: Number(opts.plant), seed: Number(opts.seed) + 1 });
    }
    await evaluate('synthetic data with planted pairs (tenant 272, demo included)');
  }
} finally {
  await db.end();
  if (embedded) await embedded.stop();
}
