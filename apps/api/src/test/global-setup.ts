import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { startEmbeddedPostgres } from '../database/embedded';
import { migrate } from '../database/database';
import { dropTestDatabases, recreateDatabase, runId, templateDatabase, withDatabase } from './test-database';

/**
 * Once per Jest run: a PostgreSQL server (DATABASE_URL, or an embedded one under .data/test),
 * and a template database with every migration applied, which each test file clones.
 */
export default async function globalSetup(): Promise<void> {
  if (!process.env.TRAMA_TEST_DATABASE_URL) {
    if (process.env.DATABASE_URL) {
      process.env.TRAMA_TEST_DATABASE_URL = process.env.DATABASE_URL;
    } else {
      const root = resolve(__dirname, '../../../..');
      const db = await startEmbeddedPostgres({
        dataDir: join(root, '.data'),
        name: 'test-postgres',
        database: 'postgres',
        preferredPort: 54339,
        log: () => undefined,
      });
      process.env.TRAMA_TEST_DATABASE_URL = db.url;
      (globalThis as { __TRAMA_EMBEDDED__?: { stop(): Promise<void> } }).__TRAMA_EMBEDDED__ = db;
    }
  }
  runId(); // fixes this run's id in the environment the workers inherit
  await dropTestDatabases('orphaned');
  const templateUrl = await recreateDatabase(templateDatabase());
  await migrate(templateUrl);
  // Connections to the template would make CREATE DATABASE … TEMPLATE fail: make sure none stay.
  const client = new Client({ connectionString: withDatabase(templateUrl, 'postgres') });
  await client.connect();
  await client.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`, [
    templateDatabase(),
  ]);
  await client.end();
}
