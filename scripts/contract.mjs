// The API contract checks of `npm test -- check`: committed generated files must equal what the
// server produces, and the committed OpenAPI document must pass Spectral with no error.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { mustRun, root, run } from './lib.mjs';

export const OPENAPI_DOCUMENT = 'libs/api-client/openapi.json';
const WRITE_OPENAPI = 'dist/apps/api/apps/api/src/cli/write-openapi.js';

/** Every file under `dir` (or `dir` itself if it is a file), as paths relative to it. */
function listFiles(dir) {
  if (!existsSync(dir)) return [];
  if (statSync(dir).isFile()) return [''];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort();
}

/**
 * Regenerates a committed artefact into a temporary location and fails when the committed one
 * differs: `generate(outPath)` writes the fresh file (or folder) at `outPath`. Use it for every
 * generated, committed file: the OpenAPI document here, the generated API client beside it.
 *
 *   await assertGenerated({ label: 'libs/api-client/src', committed: 'libs/api-client/src',
 *     fix: 'npm run api-client', generate: (out) => mustRun('…', [..., out]) });
 */
export async function assertGenerated({ label, committed, generate, fix }) {
  const scratch = join(root, 'tmp/generated', label.replace(/[^a-zA-Z0-9.-]+/g, '_'));
  rmSync(scratch, { recursive: true, force: true });
  mkdirSync(join(scratch, '..'), { recursive: true });
  await generate(scratch);
  const committedPath = join(root, committed);
  const fresh = listFiles(scratch);
  const current = listFiles(committedPath);
  const problems = [];
  for (const file of new Set([...fresh, ...current])) {
    const name = file ? `${committed}/${file}` : committed;
    if (!fresh.includes(file)) problems.push(`${name}: committed but no longer generated`);
    else if (!current.includes(file)) problems.push(`${name}: missing (not committed)`);
    else if (!readFileSync(join(scratch, file)).equals(readFileSync(join(committedPath, file)))) problems.push(`${name}: differs`);
  }
  rmSync(scratch, { recursive: true, force: true });
  if (problems.length > 0) {
    console.error(`\n✗ ${label} is stale: run ${fix}\n  ${problems.join('\n  ')}`);
    process.exit(1);
  }
  console.log(`✓ ${label} is up to date`);
}

/** libs/api-client/openapi.json equals the document the server's decorators produce now. */
export async function checkOpenApiDocument() {
  await mustRun('nx', ['run', 'api:build', '--output-style=stream']);
  await assertGenerated({
    label: 'openapi.json',
    committed: OPENAPI_DOCUMENT,
    fix: 'npm run openapi',
    generate: (out) => mustRun(process.execPath, [WRITE_OPENAPI, out], { stdio: ['ignore', 'ignore', 'inherit'] }),
  });
}

/** Spectral (spectral:oas + OWASP API Security, `.spectral.yaml`) on the committed document: no error allowed. */
export async function lintOpenApiDocument() {
  const report = join(root, 'tmp/spectral.json');
  mkdirSync(join(root, 'tmp'), { recursive: true });
  const code = await run('spectral', ['lint', OPENAPI_DOCUMENT, '--ruleset', '.spectral.yaml', '--quiet', '-f', 'json', '-o', report]);
  if (!existsSync(report)) {
    console.error(`\n✗ spectral exited with ${code} and wrote no report`);
    process.exit(code || 1);
  }
  const results = JSON.parse(readFileSync(report, 'utf8'));
  const severity = ['error', 'warning', 'info', 'hint'];
  const counts = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const r of results) counts[severity[r.severity]] += 1;
  const shown = results.filter((r) => r.severity === 0 || process.env.SPECTRAL_VERBOSE);
  for (const r of shown) {
    console.log(`  ${severity[r.severity]} ${r.code} ${r.path.join('.')}: ${r.message}`);
  }
  const summary = `Spectral on ${OPENAPI_DOCUMENT}: ${counts.error} errors, ${counts.warning} warnings (SPECTRAL_VERBOSE=1 lists them)`;
  if (counts.error > 0) {
    console.error(`\n✗ ${summary}`);
    process.exit(1);
  }
  console.log(`✓ ${summary}`);
}
