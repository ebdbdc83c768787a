import { Logger as NestLogger } from '@nestjs/common';
import { DataSource, DataSourceOptions, Logger as TypeOrmLogger } from 'typeorm';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

/**
 * Logs failed and slow queries WITHOUT their parameters: parameters carry personal data and
 * secrets (password hashes, emails). TypeORM's default logger prints them.
 */
class RedactingLogger implements TypeOrmLogger {
  private readonly logger = new NestLogger('Database');
  logQuery(): void {}
  logQueryError(error: string | Error, query: string): void {
    const message = error instanceof Error ? error.message : error;
    this.logger.error(`${message} — in: ${query.replace(/\s+/g, ' ').slice(0, 500)}`);
  }
  logQuerySlow(time: number, query: string): void {
    this.logger.warn(`slow query (${time} ms): ${query.replace(/\s+/g, ' ').slice(0, 500)}`);
  }
  logSchemaBuild(): void {}
  logMigration(message: string): void {
    this.logger.log(message);
  }
  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.logger.warn(String(message));
  }
}

/** The one DataSource definition, for the app, the CLI commands and the tests. Never `synchronize`. */
export function dataSourceOptions(url: string, extra: Partial<DataSourceOptions> = {}): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: ['error', 'warn'],
    logger: new RedactingLogger(),
    maxQueryExecutionTime: 1000,
    // connectionTimeoutMillis: an unreachable host fails a request after 5 s (a 503) instead of
    // hanging until the kernel gives up on the TCP handshake (about 2 minutes).
    extra: { max: 20, application_name: 'trama-api', connectionTimeoutMillis: 5000 },
    ...extra,
  } as DataSourceOptions;
}

export function createDataSource(url: string): DataSource {
  return new DataSource(dataSourceOptions(url));
}
