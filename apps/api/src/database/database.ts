import { join } from 'node:path';
import { Client } from 'pg';
import type { AppConfig } from '../config/config';
import { createDataSource } from './data-source';
import { startEmbeddedPostgres } from './embedded';

export interface DatabaseHandle {
  url: string;
  embedded: boolean;
  stop(): Promise<void>;
}

/** The external server of DATABASE_URL, or the embedded PostgreSQL under `<dataDir>/postgres`. */
export async function openDatabase(config: AppConfig, log: (m: string) => void): Promise<DatabaseHandle> {
  if (config.databaseUrl) return { url: config.databaseUrl, embedded: false, stop: async () => undefined };
  const started = Date.now();
  const db = await startEmbeddedPostgres({ dataDir: config.dataDir, database: 'trama', log });
  log(`Embedded PostgreSQL ready in ${Date.now() - started} ms (data in ${join(config.dataDir, 'postgres')})`);
  return { url: db.url, embedded: true, stop: db.stop };
}

/** The advisory lock that serialises migrations (any constant the app owns: 'trama' in ASCII). */
const MIGRATION_LOCK = 0x7472616d61;

/**
 * Applies pending migrations; returns the names applied. Replicas starting at once on one database
 * take turns under a PostgreSQL advisory lock: the first applies, the others then find none pending.
 */
export async function migrate(url: string): Promise<string[]> {
  const lock = new Client({ connectionString: url, application_name: 'trama-migrate-lock' });
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    const dataSource = createDataSource(url);
    await dataSource.initialize();
    try {
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      return applied.map((m) => m.name);
    } finally {
      await dataSource.destroy();
    }
  } finally {
    await lock.end(); // ends the session, and so the lock
  }
}
