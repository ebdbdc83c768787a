import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { PassportModule } from '@nestjs/passport';
import { ThrottlerModule } from '@nestjs/throttler';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { AppAuthGuard } from './common/auth/auth.guard';
import { ScopedData } from './common/access/scoped-data';
import { CommonModule } from './common/common.module';
import { ApiErrorFilter } from './common/errors/error.filter';
import { requestLogOptions } from './common/http/request-log';
import { APP_CONFIG, AppConfig } from './config/config';
import { dataSourceOptions } from './database/data-source';
import { FEATURE_MODULES } from './modules';
import { PgThrottlerStorage } from './modules/auth/pg-throttler.storage';

@Module({})
export class AppModule {
  static register(config: AppConfig, databaseUrl: string): DynamicModule {
    return {
      module: AppModule,
      global: true,
      imports: [
        LoggerModule.forRoot({ pinoHttp: requestLogOptions(config) }),
        TypeOrmModule.forRoot(dataSourceOptions(databaseUrl)),
        // Used by AuthThrottlerGuard only (it sets the limit); counters in PostgreSQL, shared by every replica.
        ThrottlerModule.forRootAsync({
          inject: [ScopedData],
          useFactory: (door: ScopedData) => ({
            throttlers: [{ name: 'default', ttl: 60_000, limit: 100_000 }],
            storage: new PgThrottlerStorage(door),
          }),
        }),
        PassportModule,
        CommonModule,
        ...FEATURE_MODULES,
      ],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: APP_GUARD, useClass: AppAuthGuard },
        { provide: APP_FILTER, useClass: ApiErrorFilter },
      ],
      exports: [APP_CONFIG],
    };
  }
}
