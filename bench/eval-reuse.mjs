// The offline evaluation of the reuse matching (issue 11, docs/reuse.md "Evaluation"): prints figures,
// asserts nothing.
//
//   npm run eval:reuse                       # builds the API, then evaluates
//   npm run eval:reuse -- --skip-build --planted 500 --decoys 6 --seed 3
//
// On synthetic data with planted good matches (bench/reuse-planting.mjs), each planted building asks
// for its candidates among the organizations that need space, ranked three ways:
// - the model: `matchFit` (apps/api/src/modules/reuse/reuse-match.ts, the compiled one the API runs),
//   candidates with no fit left out;
// - distance only: the organizations that need space, nearest first (unplaced ones of the same
//   municipality after them);
// - random: the organizations that need space within 10 km or of the same municipality, shuffled.
// With one planted organization per building, recall@k is the share of buildings whose planted
// organization is in the first k, precision@k the planted ones found over the k × buildings proposed;
// MRR the mean of 1/rank of the planted one.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { mustRun, requireNode24, root } from '../scripts/lib.mjs';
import { plantReuseWorld } from './reuse-planting.mjs';

requireNode24();
const { values: opts } = parseArgs({
  options: {
    buildings: { type: 'string', default: '2000' },
    organizations: { type: 'string', default: '6000' },
    planted: { type: 'string', default: '300' },
    decoys: { type: 'string', default: '4' },
    seed: { type: 'string', default: '11' },
    'skip-build': { type: 'boolean', default: false },
  },
});
if (!opts['skip-build']) await mustRun('nx', ['run', 'api:build', '--output-style=stream']);
const require = createRequire(import.meta.url);
const { matchFit, distanceKm, servedBy } = require(join(root, 'dist/apps/api/apps/api/src/modules/reuse/reuse-match.js'));

const world = plantReuseWorld({
  buildings: Number(opts.buildings),
  organizations: Number(opts.organizations),
  planted: Number(opts.planted),
  decoys: Number(opts.decoys),
  seed: Number(opts.seed),
});
const seekers = world.organizations.filter((o) => o.needsSpace);
const KS = [1, 5, 10];
const MAX_KM = 10;

let seed = Number(opts.seed) * 7919;
const rand = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);

const within = (b, o) =>
  o.lat === null || b.lat === null ? o.municipalityId === b.municipalityId : distanceKm(b, o) <= MAX_KM;

const rankers = {
  model: (b) => {
    const served = servedBy(b.suitableUses);
    return seekers
      .map((o) => ({ o, f: matchFit(b, o, 'en', undefined, served) }))
      .filter((x) => x.f !== null && x.f.fit > 0)
      .sort((x, y) => y.f.fit - x.f.fit)
      .map((x) => x.o.id);
  },
  'distance only': (b) =>
    seekers
      .filter((o) => within(b, o))
      .map((o) => ({ o, d: o.lat === null ? MAX_KM + 1 : distanceKm(b, o) }))
      .sort((x, y) => x.d - y.d)
      .map((x) => x.o.id),
  random: (b) =>
    seekers
      .filter((o) => within(b, o))
      .map((o) => ({ o, k: rand() }))
      .sort((x, y) => x.k - y.k)
      .map((x) => x.o.id),
};

console.log(
  `reuse matching, planted matches: ${world.buildings.length.toLocaleString('en')} buildings, ${world.organizations.length.toLocaleString('en')} organizations (${seekers.length.toLocaleString('en')} need space), ${world.truth.size} planted pairs with ${opts.decoys} close decoys each, seed ${opts.seed}\n`,
);
console.log(`${'ranking'.padEnd(14)} ${KS.map((k) => `P@${k}`.padStart(7) + `R@${k}`.padStart(7)).join('')}     MRR  candidates/building`);
const planted = world.buildings.filter((b) => world.truth.has(b.id));
for (const [name, rank] of Object.entries(rankers)) {
  const hits = Object.fromEntries(KS.map((k) => [k, 0]));
  let rr = 0;
  let candidates = 0;
  const t0 = performance.now();
  for (const b of planted) {
    const list = rank(b);
    candidates += list.length;
    const at = list.indexOf(world.truth.get(b.id));
    if (at >= 0) rr += 1 / (at + 1);
    for (const k of KS) if (at >= 0 && at < k) hits[k]++;
  }
  const n = planted.length;
  console.log(
    `${name.padEnd(14)} ${KS.map((k) => (hits[k] / (k * n)).toFixed(3).padStart(7) + (hits[k] / n).toFixed(3).padStart(7)).join('')} ${(rr / n).toFixed(3).padStart(7)}  ${(candidates / n).toFixed(1).padStart(8)}   (${(performance.now() - t0).toFixed(0)} ms)`,
  );
}
