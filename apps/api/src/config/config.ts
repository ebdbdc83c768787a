import 'reflect-metadata';
import { join, resolve } from 'node:path';
import { plainToInstance, Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength, validateSync } from 'class-validator';
import { JwtKeyError, jwtKeyFromDataDir } from './jwt-key';
import { parseTrustProxy, type TrustProxy } from './trust-proxy';

/** The environment as the API reads it. Validated at boot: a wrong value stops the process with a clear message. */
class Environment {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @IsString()
  HOST = '0.0.0.0';

  @IsOptional()
  @Matches(/^postgres(ql)?:\/\//, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL?: string;

  @IsString()
  TRAMA_DATA_DIR = '.data';

  @IsString()
  TRAMA_TERRITORY_DIR = '../shared/data';

  /** where the file store keeps the bytes (default `<TRAMA_DATA_DIR>/files`): docs/files.md */
  @IsOptional()
  @IsString()
  TRAMA_FILES_DIR?: string;

  /** the largest upload, in bytes (default 10 MB) */
  @Type(() => Number)
  @IsInt()
  @Min(1024)
  @Max(100 * 1024 * 1024)
  TRAMA_FILE_MAX_BYTES = 10 * 1024 * 1024;

  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET?: string;

  @Type(() => Number)
  @IsInt()
  @Min(60)
  @Max(3600)
  ACCESS_TOKEN_TTL_SECONDS = 900;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(90)
  REFRESH_TOKEN_TTL_DAYS = 14;

  @IsString()
  @MinLength(8, { message: 'DEMO_PASSWORD must be at least 8 characters' })
  DEMO_PASSWORD = 'Trama-demo-2026';

  /** the public origin (scheme, host, port): CORS, and the links the app e-mails (never the request's Host) */
  @IsOptional()
  @Matches(/^https?:\/\/[^\s/?#]+\/?$/i, { message: 'APP_ORIGIN must be an origin such as https://trama.example.it' })
  APP_ORIGIN?: string;

  /** empty: no tile layer (the map draws the boundaries alone) */
  @IsString()
  TILE_URL = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';

  @IsString()
  TILE_ATTRIBUTION = '© OpenStreetMap contributors';

  @IsString()
  WEB_DIST = 'dist/apps/web';

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  LOGIN_MAX_FAILURES = 5;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1440)
  LOCKOUT_MINUTES = 15;

  /** failures of one e-mail from all clients together before strangers (no device cookie) back off */
  @Type(() => Number)
  @IsInt()
  @Min(2)
  @Max(1000)
  LOGIN_EMAIL_MAX_FAILURES = 20;

  @Type(() => Number)
  @IsInt()
  @Min(20)
  @Max(10000)
  LOGIN_RATE_PER_MINUTE = 30;

  /** which proxies may tell the client's address: see trust-proxy.ts (default: none) */
  @IsString()
  TRUST_PROXY = 'false';

  @IsIn(['true', 'false'])
  MIGRATE_ON_BOOT = 'true';

  @IsIn(['true', 'false'])
  SEED_ON_BOOT = 'true';

  /** days a temporary password (set by a coordinator or an admin) signs in: it must be changed before */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(90)
  TEMP_PASSWORD_DAYS = 7;

  /** minutes a "Password dimenticata?" link works (once) */
  @Type(() => Number)
  @IsInt()
  @Min(5)
  @Max(1440)
  PASSWORD_RESET_TTL_MINUTES = 30;

  /** the mail server: smtp://user:pass@host:587 or smtps://…:465; required in production; elsewhere a local one is started */
  @IsOptional()
  @Matches(/^smtps?:\/\/[^\s]+$/, { message: 'SMTP_URL must be an smtp:// or smtps:// URL' })
  SMTP_URL?: string;

  /** the sender of the app's e-mails */
  @IsString()
  @MinLength(3)
  MAIL_FROM = 'Trama <no-reply@trama.invalid>';

  /** false: no OpenAPI page or document (e.g. in production) */
  @IsIn(['true', 'false'])
  API_DOCS = 'true';
}

export interface AppConfig {
  env: 'development' | 'production' | 'test';
  isProduction: boolean;
  port: number;
  host: string;
  /** undefined: start the embedded PostgreSQL under dataDir */
  databaseUrl: string | undefined;
  dataDir: string;
  territoryDir: string;
  /** the file store's directory (docs/files.md) */
  filesDir: string;
  /** the largest upload, in bytes */
  fileMaxBytes: number;
  jwtSecret: string;
  accessTokenTtlSeconds: number;
  refreshTokenTtlDays: number;
  demoPassword: string;
  appOrigin: string;
  tileUrl: string;
  tileAttribution: string;
  webDist: string;
  logLevel: string;
  /** failures of one e-mail from one client address before that client backs off */
  loginMaxFailures: number;
  /** failures of one e-mail over every client before clients without a device cookie back off */
  loginEmailMaxFailures: number;
  /** the longest back-off */
  lockoutMinutes: number;
  loginRatePerMinute: number;
  /** express's `trust proxy`: which proxies may tell the client's address */
  trustProxy: TrustProxy;
  migrateOnBoot: boolean;
  seedOnBoot: boolean;
  /** serve the OpenAPI page and documents under /api/docs */
  apiDocs: boolean;
  /** the refresh cookie's Secure flag: in production, and whenever the app's origin is https */
  secureCookies: boolean;
  /** days a temporary password signs in (it must be changed first) */
  temporaryPasswordDays: number;
  /** minutes a password-reset link works */
  passwordResetTtlMinutes: number;
  /** undefined: outside production, a local SMTP server in the process keeps the mail under dataDir/mail */
  smtpUrl: string | undefined;
  mailFrom: string;
}

export class ConfigError extends Error {}

/** Reads and validates the environment. Paths are resolved against the working directory (the repository root for npm scripts). */
export function loadConfig(source: NodeJS.ProcessEnv = process.env): AppConfig {
  // An empty variable means "not set", except TILE_URL, where empty means "no tile layer".
  const raw = Object.fromEntries(Object.entries(source).filter(([k, v]) => v !== undefined && (v !== '' || k === 'TILE_URL')));
  const env = plainToInstance(Environment, raw, { enableImplicitConversion: false, exposeDefaultValues: true });
  const errors = validateSync(env, { whitelist: false });
  if (errors.length > 0) {
    const lines = errors.map((e) => `  ${e.property}: ${Object.values(e.constraints ?? {}).join('; ')}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const problems: string[] = [];
  const trustProxy = parseTrustProxy(env.TRUST_PROXY);
  if ('error' in trustProxy) problems.push(`  TRUST_PROXY: ${trustProxy.error}`);
  if (env.LOGIN_EMAIL_MAX_FAILURES < env.LOGIN_MAX_FAILURES) {
    problems.push(`  LOGIN_EMAIL_MAX_FAILURES: must not be below LOGIN_MAX_FAILURES (${env.LOGIN_MAX_FAILURES})`);
  }
  if (problems.length > 0) throw new ConfigError(`Invalid configuration:\n${problems.join('\n')}`);
  const isProduction = env.NODE_ENV === 'production';
  if (isProduction && !env.JWT_SECRET) {
    throw new ConfigError('Invalid configuration:\n  JWT_SECRET: required in production (at least 32 characters)');
  }
  if (isProduction && !env.DATABASE_URL) {
    throw new ConfigError('Invalid configuration:\n  DATABASE_URL: required in production (the embedded PostgreSQL is for development)');
  }
  if (isProduction && !env.SMTP_URL) {
    throw new ConfigError('Invalid configuration:\n  SMTP_URL: required in production (password-reset e-mails)');
  }
  if (isProduction && !env.APP_ORIGIN) {
    // the links in e-mails (password reset) are built from it, never from a request's Host header
    throw new ConfigError(
      'Invalid configuration:\n  APP_ORIGIN: required in production (the public address, e.g. https://trama.example.it)',
    );
  }
  const appOrigin = env.APP_ORIGIN?.replace(/\/$/, '') ?? `http://localhost:${env.PORT}`;
  const dataDir = resolve(env.TRAMA_DATA_DIR);
  return {
    env: env.NODE_ENV,
    isProduction,
    port: env.PORT,
    host: env.HOST,
    databaseUrl: env.DATABASE_URL,
    dataDir,
    territoryDir: resolve(env.TRAMA_TERRITORY_DIR),
    filesDir: resolve(env.TRAMA_FILES_DIR ?? join(dataDir, 'files')),
    fileMaxBytes: env.TRAMA_FILE_MAX_BYTES,
    // Outside production the key is made once and kept in the data directory: restarts and every
    // process sharing the directory sign and verify with the same key.
    jwtSecret: env.JWT_SECRET ?? jwtKeyOf(dataDir),
    accessTokenTtlSeconds: env.ACCESS_TOKEN_TTL_SECONDS,
    refreshTokenTtlDays: env.REFRESH_TOKEN_TTL_DAYS,
    demoPassword: env.DEMO_PASSWORD,
    appOrigin,
    tileUrl: env.TILE_URL,
    tileAttribution: env.TILE_ATTRIBUTION,
    webDist: resolve(env.WEB_DIST),
    logLevel: env.LOG_LEVEL,
    loginMaxFailures: env.LOGIN_MAX_FAILURES,
    loginEmailMaxFailures: env.LOGIN_EMAIL_MAX_FAILURES,
    lockoutMinutes: env.LOCKOUT_MINUTES,
    loginRatePerMinute: env.LOGIN_RATE_PER_MINUTE,
    trustProxy: (trustProxy as { value: TrustProxy }).value,
    migrateOnBoot: env.MIGRATE_ON_BOOT === 'true',
    seedOnBoot: env.SEED_ON_BOOT === 'true',
    apiDocs: env.API_DOCS === 'true',
    secureCookies: isProduction || /^https:\/\//i.test(appOrigin),
    temporaryPasswordDays: env.TEMP_PASSWORD_DAYS,
    passwordResetTtlMinutes: env.PASSWORD_RESET_TTL_MINUTES,
    smtpUrl: env.SMTP_URL,
    mailFrom: env.MAIL_FROM,
  };
}

function jwtKeyOf(dataDir: string): string {
  try {
    return jwtKeyFromDataDir(dataDir);
  } catch (error) {
    if (error instanceof JwtKeyError) throw new ConfigError(`Invalid configuration:\n  JWT key: ${error.message}`);
    throw new ConfigError(
      `Invalid configuration:\n  JWT key: cannot keep it under ${dataDir} (${(error as Error).message}); set JWT_SECRET`,
    );
  }
}

export const APP_CONFIG = Symbol('APP_CONFIG');
