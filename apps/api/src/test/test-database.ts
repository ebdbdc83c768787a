import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/** The server the tests use: DATABASE_URL, or the embedded one started by the global setup (TRAMA_TEST_DATABASE_URL). */
export function serverUrl(): string {
  const url = process.env.TRAMA_TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  if (!url) throw new Error('No test database: run the tests through `npm test` or set DATABASE_URL');
  return url;
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/**
 * One Jest run = one id (the pid of the Jest process, set by the global setup), so that concurrent
 * runs on the same server never touch each other's databases: `trama_tpl_<run>` is the run's
 * migrated template, `trama_test_<run>_<worker>_<random>` the database of one test file.
 */
export function runId(): string {
  return (process.env.TRAMA_TEST_RUN ??= String(process.pid));
}

export function templateDatabase(): string {
  return `trama_tpl_${runId()}`;
}

async function admin<T>(fn: (c: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: withDatabase(serverUrl(), 'postgres') });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** A fresh database for one test file, cloned from the migrated template (fast, isolated). */
export async function createTestDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `trama_test_${runId()}_${process.pid}_${randomBytes(4).toString('hex')}`;
  await admin((c) => c.query(`CREATE DATABASE "${name}" TEMPLATE "${templateDatabase()}"`));
  return {
    url: withDatabase(serverUrl(), name),
    drop: () => admin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined),
  };
}

export async function recreateDatabase(name: string): Promise<string> {
  await admin(async (c) => {
    await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await c.query(`CREATE DATABASE "${name}"`);
  });
  return withDatabase(serverUrl(), name);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Drops test databases of this run (`own`), or those of earlier runs whose Jest process is gone
 * (a crash or Ctrl-C left them behind). Databases of a live concurrent run are left alone.
 */
export async function dropTestDatabases(which: 'own' | 'orphaned'): Promise<void> {
  await admin(async (c) => {
    const rows = await c.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname ~ '^trama_(test|tpl)_[0-9]+'`);
    for (const { datname } of rows.rows) {
      const run = datname.split('_')[2];
      const drop = which === 'own' ? run === runId() : run !== runId() && !isAlive(Number(run));
      if (drop) await c.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    }
  });
}
