// npm test: every test of the project.
//   1. type checks (strict) and lint; the lint config's planted violations (scripts/lint-rules.test.mjs);
//      the committed OpenAPI document is current and passes Spectral; the client generated from it is current
//   2. unit and integration tests of every project (the API's against a real PostgreSQL:
//      DATABASE_URL's server, or an embedded one started by the tests)
//   3. browser tests: the built app started on a fresh database, driven by Chromium
// Prints "N passed, N failed" at the end, summed over every Jest run.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { run as runNodeTests } from 'node:test';
import { spec } from 'node:test/reporters';
import pg from 'pg';
import { assertGenerated, checkOpenApiDocument, lintOpenApiDocument } from './contract.mjs';
import { API_MAIN, appControl, freePort, mustRun, requireNode24, root, run, waitForHealth } from './lib.mjs';

requireNode24();
process.env.NX_NO_CLOUD = 'true';
process.env.NX_DAEMON = 'false';
const started = Date.now();
const resultsDir = join(root, 'tmp/test-results');
rmSync(resultsDir, { recursive: true, force: true });
mkdirSync(resultsDir, { recursive: true });
// `npm test -- e2e` runs only the browser tests; `npm test -- e2e accessibility` only the journey files
// whose path matches "accessibility" (any argument that is not a phase is a Jest path pattern of the e2e phase).
const PHASES = ['check', 'unit', 'e2e'];
const only = process.argv.slice(2).filter((arg) => PHASES.includes(arg));
const e2ePatterns = process.argv.slice(2).filter((arg) => !PHASES.includes(arg));

const phase = (name) => only.length === 0 || only.includes(name);
const timings = [];
async function timed(name, fn) {
  const t0 = Date.now();
  await fn();
  timings.push(`${name} ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

let failed = false;

/** Runs node:test files (spec output), and records their counts beside Jest's for the summary. Resolves true when all pass. */
async function nodeTests(name, files) {
  const counts = { numPassedTests: 0, numFailedTests: 0 };
  const stream = runNodeTests({ files: files.map((file) => join(root, file)) });
  stream.on('test:pass', (event) => {
    if (event.details.type !== 'suite') counts.numPassedTests++;
  });
  stream.on('test:fail', (event) => {
    if (event.details.type !== 'suite') counts.numFailedTests++;
  });
  await new Promise((resolve, reject) => stream.compose(spec).on('end', resolve).on('error', reject).pipe(process.stdout, { end: false }));
  writeFileSync(join(resultsDir, `${name}.json`), JSON.stringify(counts));
  return counts.numFailedTests === 0;
}
if (phase('check')) {
  await timed('typecheck+lint', async () => {
    await mustRun('nx', ['run-many', '-t', 'typecheck', 'lint', '--output-style=stream']);
    await mustRun('prettier', ['--check', '--log-level=warn', '.']);
  });
  await timed('lint rules', async () => {
    if (!(await nodeTests('lint-rules', ['scripts/lint-rules.test.mjs']))) failed = true;
  });
  await timed('contract', async () => {
    await checkOpenApiDocument();
    await lintOpenApiDocument();
    // the generated client (libs/api-client/src/generated) is what the generator makes of the committed document
    await assertGenerated({
      label: 'libs/api-client/src/generated',
      committed: 'libs/api-client/src/generated',
      fix: 'npm run api-client',
      generate: (out) => mustRun(process.execPath, ['libs/api-client/generate.mjs', out]),
    });
  });
}
if (phase('unit')) {
  await timed('unit+integration', async () => {
    const code = await run('nx', ['run-many', '-t', 'test', '--output-style=stream', '--parallel=1']);
    if (code !== 0) failed = true;
  });
}

async function e2eDatabase() {
  if (!process.env.DATABASE_URL) {
    const dataDir = join(root, '.data/e2e');
    rmSync(dataDir, { recursive: true, force: true });
    return { env: { TRAMA_DATA_DIR: dataDir } };
  }
  const server = new URL(process.env.DATABASE_URL);
  server.pathname = '/postgres';
  const client = new pg.Client({ connectionString: server.toString() });
  await client.connect();
  await client.query('DROP DATABASE IF EXISTS trama_e2e WITH (FORCE)');
  await client.query('CREATE DATABASE trama_e2e');
  await client.end();
  server.pathname = '/trama_e2e';
  return { env: { DATABASE_URL: server.toString() } };
}

if (phase('e2e') && !failed) {
  await timed('browser', async () => {
    await mustRun('nx', ['run-many', '-t', 'build', '-p', 'api', 'web', '--output-style=stream']);
    const port = await freePort();
    const baseUrl = `http://localhost:${port}`;
    // The app sends its e-mail (password reset) to an SMTP server that the journey starts on this port and reads.
    const smtpPort = await freePort();
    const { env } = await e2eDatabase();
    const appEnv = {
      ...process.env,
      ...env,
      NODE_ENV: 'test',
      PORT: String(port),
      LOG_LEVEL: 'warn',
      APP_ORIGIN: baseUrl,
      SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      LOGIN_RATE_PER_MINUTE: '1000',
    };
    const log = [];
    const startApp = () => {
      const child = spawn(process.execPath, [API_MAIN], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: appEnv });
      child.stdout.on('data', (d) => log.push(d.toString()));
      child.stderr.on('data', (d) => log.push(d.toString()));
      return child;
    };
    let app = startApp();
    // The field-mode journey kills the server in the middle of a sync and starts it again on the same
    // port and database: POST /app/stop (SIGKILL, as a crash) and POST /app/start (healthy when it answers).
    const control = await appControl({
      stop: async () => {
        if (app.exitCode !== null || app.signalCode !== null) return;
        const exited = new Promise((r) => app.once('exit', r));
        app.kill('SIGKILL');
        await exited;
      },
      start: async () => {
        if (app.exitCode === null && app.signalCode === null) return;
        app = startApp();
        await waitForHealth(baseUrl, 90_000);
      },
    });
    try {
      await waitForHealth(baseUrl, 90_000);
      const code = await run('nx', ['run', 'web-e2e:e2e', '--output-style=stream', ...e2ePatterns], {
        env: { ...process.env, E2E_BASE_URL: baseUrl, E2E_SMTP_PORT: String(smtpPort), E2E_APP_CONTROL: control.url },
      });
      if (code !== 0) {
        failed = true;
        console.error('--- app log (tail) ---\n' + log.join('').split('\n').slice(-40).join('\n'));
      }
    } catch (error) {
      failed = true;
      console.error(String(error), '\n--- app log ---\n' + log.join(''));
    } finally {
      control.close();
      if (app.exitCode === null && app.signalCode === null) {
        app.kill('SIGTERM');
        await new Promise((r) => app.once('exit', r));
      }
    }
  });
}

let passed = 0;
let failures = 0;
for (const file of existsSync(resultsDir) ? await import('node:fs').then((fs) => fs.readdirSync(resultsDir)) : []) {
  const result = JSON.parse(readFileSync(join(resultsDir, file), 'utf8'));
  passed += result.numPassedTests;
  failures += result.numFailedTests + (result.numRuntimeErrorTestSuites ?? 0);
}
console.log(`\nTest time: ${((Date.now() - started) / 1000).toFixed(1)} s (${timings.join(', ')})`);
console.log(`${passed} passed, ${failures} failed`);
process.exit(failed || failures > 0 ? 1 : 0);
