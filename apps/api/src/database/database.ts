import { join } from 'node:path';
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

/** Applies pending migrations; returns the names applied. */
export async function migrate(url: string): Promise<string[]> {
  const dataSource = createDataSource(url);
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await dataSource.destroy();
  }
}
