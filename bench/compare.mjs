// Two runs of `npm run bench -- --json FILE` side by side, per list scenario: API and DB p50/p95
// before → after, and the change of the API p95.
//
//   node_modules/.bin/node bench/compare.mjs /tmp/before.json /tmp/after.json
import { readFileSync } from 'node:fs';

const [beforeFile, afterFile] = process.argv.slice(2);
if (!beforeFile || !afterFile) {
  console.error('usage: node bench/compare.mjs before.json after.json');
  process.exit(2);
}
const before = JSON.parse(readFileSync(beforeFile, 'utf8'));
const after = JSON.parse(readFileSync(afterFile, 'utf8'));
const f = (n) => (n === undefined ? '—' : n.toFixed(1));
const pair = (a, b) => `${f(a)} → ${f(b)}`.padStart(14);
const change = (a, b) => (a && b !== undefined ? `${b >= a ? '+' : ''}${(((b - a) / a) * 100).toFixed(0)}%` : '');

for (const [label, run] of [
  ['before', before],
  ['after', after],
]) {
  console.log(
    `${label.padEnd(7)} ${run.at}  ${run.activities.toLocaleString('en')} activities, ${run.requests} requests, load ${run.loadAverage?.start} → ${run.loadAverage?.end}`,
  );
}
console.log(
  `\n${'list scenario'.padEnd(46)} | ${'API p50'.padStart(14)} ${'API p95'.padStart(14)} ${'p95 Δ'.padStart(6)} | ${'DB p50'.padStart(14)} ${'DB p95'.padStart(14)}`,
);
const names = [...new Set([...before.list, ...after.list].map((r) => r.scenario))];
for (const name of names) {
  const b = before.list.find((r) => r.scenario === name) ?? {};
  const a = after.list.find((r) => r.scenario === name) ?? {};
  console.log(
    `${name.padEnd(46)} | ${pair(b.p50, a.p50)} ${pair(b.p95, a.p95)} ${change(b.p95, a.p95).padStart(6)} | ${pair(b.dbP50, a.dbP50)} ${pair(b.dbP95, a.dbP95)}`,
  );
}
console.log(
  `${'ALL (one at a time)'.padEnd(46)} | ${pair(before.all.p50, after.all.p50)} ${pair(before.all.p95, after.all.p95)} ${change(before.all.p95, after.all.p95).padStart(6)} | ${pair(before.all.dbP50, after.all.dbP50)} ${pair(before.all.dbP95, after.all.dbP95)}`,
);
if (before.exports.length && after.exports.length) {
  console.log(`\n${'export'.padEnd(10)} ${'rows/s'.padStart(20)}`);
  before.exports.forEach((e, i) => {
    const x = after.exports[i];
    if (!x || x.format !== e.format) return;
    const rate = (r, run) => (r.rows ?? run.exportRows) / r.seconds;
    console.log(`${e.format.padEnd(10)} ${`${rate(e, before).toFixed(0)} → ${rate(x, after).toFixed(0)}`.padStart(20)}`);
  });
}
