// The built API as a child process on a free port, for the benchmark scripts (one copy of its settings).
import { spawn } from 'node:child_process';
import { API_MAIN, freePort, root } from '../scripts/lib.mjs';

export const BENCH_JWT_SECRET = 'bench-secret-bench-secret-bench-secret-00';

/** Starts the API on `url`'s database; `BENCH_LOG_LEVEL` shows its log. Resolves with the child and its base URL. */
export async function startApi(url, extraEnv = {}) {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [API_MAIN], {
    cwd: root,
    stdio: ['ignore', process.env.BENCH_LOG_LEVEL ? 'inherit' : 'ignore', 'inherit'],
    env: {
      ...process.env,
      DATABASE_URL: url,
      PORT: String(port),
      NODE_ENV: 'development',
      LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'warn',
      APP_ORIGIN: base,
      LOGIN_RATE_PER_MINUTE: '1000',
      JWT_SECRET: BENCH_JWT_SECRET,
      TILE_URL: '',
      ACCESS_TOKEN_TTL_SECONDS: '3600',
      ...extraEnv,
    },
  });
  return { child, base };
}

/** Stops a child started by startApi and waits for its exit. */
export async function stopApi(child) {
  if (!child || child.exitCode !== null) return;
  child.kill('SIGTERM');
  await new Promise((r) => (child.exitCode !== null ? r() : child.once('exit', r)));
}
