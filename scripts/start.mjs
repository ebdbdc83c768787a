// npm start: builds the API and the web app (Nx caches unchanged builds), then runs the API,
// which serves the web app on the same port. No DATABASE_URL: an embedded PostgreSQL under .data/.
import { spawn } from 'node:child_process';
import { API_MAIN, mustRun, requireNode24, root } from './lib.mjs';

requireNode24();
process.env.NX_NO_CLOUD = 'true';
await mustRun('nx', ['run-many', '-t', 'build', '-p', 'api', 'web', '--output-style=stream-without-prefixes']);

const child = spawn(process.execPath, ['--enable-source-maps', API_MAIN], { stdio: 'inherit', cwd: root });
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => child.kill(signal));
}
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
