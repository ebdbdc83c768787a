// Start-up and idle-memory figures of the built app on the embedded PostgreSQL.
//   npm run bench:startup          (builds first; prints cold start, warm start, idle RSS)
// Cold: empty data folder (initdb, migrations, territory import, demo accounts).
// Warm: the same folder again. Also a restart after SIGKILL (stale postmaster).
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { API_MAIN, freePort, mustRun, requireNode24, root, waitForHealth } from '../scripts/lib.mjs';

requireNode24();
if (!process.argv.includes('--skip-build')) await mustRun('nx', ['run-many', '-t', 'build', '-p', 'api', 'web', '--output-style=stream']);
const dataDir = mkdtempSync(join(tmpdir(), 'trama-startup-'));
const rss = (pid, field = 'VmRSS') => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024;

async function start(label) {
  const port = await freePort();
  const t0 = performance.now();
  const app = spawn(process.execPath, [API_MAIN], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, TRAMA_DATA_DIR: dataDir, PORT: String(port), NODE_ENV: 'development', LOG_LEVEL: 'warn', DATABASE_URL: '' },
  });
  const exited = new Promise((_, reject) => app.once('exit', (code) => reject(new Error(`${label}: the app exited with ${code}`))));
  await Promise.race([waitForHealth(`http://127.0.0.1:${port}`, 120_000), exited]);
  const ms = performance.now() - t0;
  await new Promise((r) => setTimeout(r, 3000)); // settle, then read idle memory
  const figures = { label, ms, rss: rss(app.pid) };
  return { app, figures };
}
async function stop(app, signal = 'SIGTERM') {
  const t0 = performance.now();
  app.kill(signal);
  const code = await new Promise((r) => app.once('exit', (c, s) => r(c ?? s)));
  return { code, ms: performance.now() - t0 };
}

const rows = [];
try {
  let run = await start('cold start (initdb, migrate, import, demo accounts)');
  rows.push(run.figures);
  const term = await stop(run.app);
  run = await start('warm start');
  rows.push(run.figures);
  await stop(run.app, 'SIGKILL');
  run = await start('start after SIGKILL (stale postmaster)');
  rows.push(run.figures);
  const term2 = await stop(run.app);
  console.log('\nTrama start-up (embedded PostgreSQL, to /api/health 200)');
  for (const r of rows)
    console.log(`  ${r.label.padEnd(52)} ${(r.ms / 1000).toFixed(2).padStart(6)} s   API RSS at idle ${r.rss.toFixed(0)} MB`);
  console.log(`  SIGTERM: exit code ${term.code} in ${term.ms.toFixed(0)} ms; again ${term2.code} in ${term2.ms.toFixed(0)} ms`);
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
