import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AppModule } from '../app.module';
import { configureApp } from '../app.setup';
import { AppConfig, loadConfig } from '../config/config';
import { ContractChecker } from './contract';
import { Factory } from './factories';
import { createTestDatabase } from './test-database';

export interface TestApp {
  app: NestExpressApplication;
  /** supertest bound to the running app: `t.http.get('/api/health')` */
  http: ReturnType<typeof request>;
  db: DataSource;
  /** the test database, reached directly (not through `connectThrough`) */
  databaseUrl: string;
  config: AppConfig;
  factory: Factory;
  close(): Promise<void>;
}

/**
 * Boots the real API (every module, guard, pipe and filter) on a fresh PostgreSQL database
 * cloned from the migrated template. One per test file: `beforeAll(() => (t = await createTestApp()))`.
 * `close()` fails when a response of the file did not match the OpenAPI document.
 */
export async function createTestApp(
  env: Record<string, string> = {},
  options: {
    /** the URL the app connects to, given the test database's (e.g. through a TcpProxy) */
    connectThrough?: (url: string) => string;
  } = {},
): Promise<TestApp> {
  const database = await createTestDatabase();
  // each test app keeps its files apart, removed on close
  const filesDir = mkdtempSync(join(tmpdir(), 'trama-test-files-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    WEB_DIST: '/nonexistent',
    JWT_SECRET: 'test-secret-test-secret-test-secret-0000',
    SEED_ON_BOOT: 'false',
    MIGRATE_ON_BOOT: 'false',
    TRAMA_TERRITORY_DIR: process.env.TRAMA_TERRITORY_DIR ?? '../shared/data',
    // Every request of a test comes from 127.0.0.1: sign-in throttling (30/min by default) would
    // trip on a test file's logins. Tests of the throttle itself pass a low LOGIN_RATE_PER_MINUTE.
    LOGIN_RATE_PER_MINUTE: '10000',
    TRAMA_FILES_DIR: filesDir,
    ...env,
  });
  const app = await NestFactory.create<NestExpressApplication>(
    AppModule.register(config, options.connectThrough?.(database.url) ?? database.url),
    {
      logger: false,
      bodyParser: false,
      bufferLogs: false,
    },
  );
  // Every JSON response is checked against the committed OpenAPI document (test/contract.ts).
  const contract = new ContractChecker();
  app.use(contract.middleware());
  configureApp(app, config);
  await app.init();
  const server = app.getHttpServer();
  const db = app.get(DataSource);
  return {
    app,
    http: request(server),
    db,
    databaseUrl: database.url,
    config,
    factory: new Factory(db, request(server)),
    close: async () => {
      await app.close();
      await database.drop();
      rmSync(filesDir, { recursive: true, force: true });
      if (contract.violations.length > 0) {
        throw new Error(
          `Responses that differ from libs/api-client/openapi.json (fix the DTO, then npm run openapi):\n  ${[...new Set(contract.violations)].join('\n  ')}`,
        );
      }
    },
  };
}
