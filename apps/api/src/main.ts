import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app.module';
import { configureApp } from './app.setup';
import { ConfigError, loadConfig } from './config/config';
import { migrate, openDatabase } from './database/database';
import { DemoSeeder } from './modules/seed/demo-seeder';

const log = (message: string) => console.log(`[trama] ${message}`);

async function bootstrap(): Promise<void> {
  const started = Date.now();
  const config = loadConfig();
  const database = await openDatabase(config, log);
  const running: { app?: NestExpressApplication } = {};
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    log(`${signal} received: shutting down`);
    const timer = setTimeout(() => {
      console.error('[trama] shutdown took longer than 10 s: exiting');
      process.exit(1);
    }, 10_000);
    try {
      await running.app?.close();
      await database.stop();
      log('stopped cleanly');
      clearTimeout(timer);
      process.exit(0);
    } catch (error) {
      console.error('[trama] error during shutdown', error);
      process.exit(1);
    }
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  if (config.migrateOnBoot) {
    const applied = await migrate(database.url);
    if (applied.length > 0) log(`migrations applied: ${applied.join(', ')}`);
  }
  const app = await NestFactory.create<NestExpressApplication>(AppModule.register(config, database.url), {
    bufferLogs: true,
    bodyParser: false,
  });
  running.app = app;
  configureApp(app, config);
  if (!config.isProduction && config.seedOnBoot) {
    await app.get(DemoSeeder).seed(log);
  }
  await app.listen(config.port, config.host);
  log(
    `Trama is ready on ${config.appOrigin} (API ${config.appOrigin}/api${config.apiDocs ? `, docs ${config.appOrigin}/api/docs` : ''}) in ${Date.now() - started} ms`,
  );
}

bootstrap().catch((error: unknown) => {
  if (error instanceof ConfigError) console.error(`[trama] ${error.message}`);
  else console.error('[trama] failed to start:', error);
  process.exit(1);
});
