import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from '../app.module';
import { API_PREFIX } from '../app.setup';
import { loadConfig } from '../config/config';
import { createOpenApiDocument, serializeOpenApiDocument } from '../openapi/openapi-document';

/**
 * Writes the OpenAPI document of the API to a file (default libs/api-client/openapi.json), without
 * a database: the app is created in Nest's preview mode, which scans modules and controllers but
 * instantiates no provider (so nothing connects to PostgreSQL).
 *
 *   write-openapi [path]
 */
async function main(): Promise<void> {
  const target = resolve(process.argv[2] ?? 'libs/api-client/openapi.json');
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', SEED_ON_BOOT: 'false', MIGRATE_ON_BOOT: 'false' });
  const app = await NestFactory.create<NestExpressApplication>(AppModule.register(config, 'postgres://openapi.invalid/none'), {
    preview: true,
    logger: false,
    bodyParser: false,
    abortOnError: false,
  });
  app.setGlobalPrefix(API_PREFIX);
  const document = createOpenApiDocument(app);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, serializeOpenApiDocument(document));
  console.log(`[trama] OpenAPI document written to ${target}`);
}

main().catch((error: unknown) => {
  console.error('[trama] could not write the OpenAPI document:', error);
  process.exit(1);
});
