import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'trama-config-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('applies defaults when the environment is empty', () => {
    const config = loadConfig({ TRAMA_DATA_DIR: dataDir });
    expect(config.port).toBe(3000);
    expect(config.databaseUrl).toBeUndefined();
    expect(config.demoPassword).toBe('Trama-demo-2026');
    expect(config.tileUrl).toContain('{z}');
  });

  it('keeps files under the data directory unless TRAMA_FILES_DIR says otherwise, and bounds the upload size', () => {
    expect(loadConfig({ TRAMA_DATA_DIR: dataDir }).filesDir).toBe(join(dataDir, 'files'));
    expect(loadConfig({ TRAMA_DATA_DIR: dataDir }).fileMaxBytes).toBe(10 * 1024 * 1024);
    expect(loadConfig({ TRAMA_DATA_DIR: dataDir, TRAMA_FILES_DIR: join(dataDir, 'x') }).filesDir).toBe(join(dataDir, 'x'));
    expect(loadConfig({ TRAMA_DATA_DIR: dataDir, TRAMA_FILE_MAX_BYTES: '2048' }).fileMaxBytes).toBe(2048);
    expect(() => loadConfig({ TRAMA_DATA_DIR: dataDir, TRAMA_FILE_MAX_BYTES: '10' })).toThrow(/TRAMA_FILE_MAX_BYTES/);
    expect(() => loadConfig({ TRAMA_DATA_DIR: dataDir, TRAMA_FILE_MAX_BYTES: 'ten' })).toThrow(/TRAMA_FILE_MAX_BYTES/);
  });

  it('treats an empty variable as unset, except TILE_URL where empty means no tiles', () => {
    const config = loadConfig({ PORT: '', TILE_URL: '', TRAMA_DATA_DIR: dataDir });
    expect(config.port).toBe(3000);
    expect(config.tileUrl).toBe('');
  });

  it('names every invalid variable in one error', () => {
    expect(() => loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud' })).toThrow(ConfigError);
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud' });
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toMatch(/PORT/);
      expect(message).toMatch(/DATABASE_URL must be a postgres:\/\/ URL/);
      expect(message).toMatch(/LOG_LEVEL/);
    }
  });

  it('requires APP_ORIGIN in production: e-mailed links are built from it, never from the Host header', () => {
    expect(() =>
      loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40), DATABASE_URL: 'postgres://db/trama', SMTP_URL: 'smtp://mail:25' }),
    ).toThrow(/APP_ORIGIN: required in production/);
  });

  it('requires JWT_SECRET and DATABASE_URL in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://db/trama' })).toThrow(/JWT_SECRET: required in production/);
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40) })).toThrow(/DATABASE_URL: required in production/);
    expect(
      loadConfig({
        NODE_ENV: 'production',
        JWT_SECRET: 'x'.repeat(40),
        DATABASE_URL: 'postgres://db/trama',
        SMTP_URL: 'smtp://mail:25',
        APP_ORIGIN: 'https://trama.example.it',
      }).isProduction,
    ).toBe(true);
  });

  it('refuses a short JWT secret', () => {
    expect(() => loadConfig({ JWT_SECRET: 'short' })).toThrow(/JWT_SECRET must be at least 32 characters/);
  });

  it('serves the API docs unless API_DOCS=false, and refuses other values', () => {
    expect(loadConfig({}).apiDocs).toBe(true);
    expect(loadConfig({ API_DOCS: 'false' }).apiDocs).toBe(false);
    expect(() => loadConfig({ API_DOCS: 'no' })).toThrow(/API_DOCS must be one of the following values: true, false/);
  });

  it('makes the refresh cookie Secure in production and whenever the origin is https', () => {
    expect(loadConfig({}).secureCookies).toBe(false);
    expect(loadConfig({ APP_ORIGIN: 'http://trama.intranet:3000' }).secureCookies).toBe(false);
    expect(loadConfig({ APP_ORIGIN: 'https://trama.cittametropolitana.ba.it' }).secureCookies).toBe(true);
    expect(loadConfig({ APP_ORIGIN: 'HTTPS://TRAMA.EXAMPLE' }).secureCookies).toBe(true);
    expect(
      loadConfig({
        NODE_ENV: 'production',
        JWT_SECRET: 'x'.repeat(40),
        DATABASE_URL: 'postgres://db/trama',
        SMTP_URL: 'smtp://mail:25',
        APP_ORIGIN: 'https://trama.example.it',
      }).secureCookies,
    ).toBe(true);
  });
  it('trusts no proxy by default, and takes a number of hops or a list of addresses and CIDR ranges', () => {
    const env = (TRUST_PROXY?: string) => loadConfig({ JWT_SECRET: 'x'.repeat(40), ...(TRUST_PROXY === undefined ? {} : { TRUST_PROXY }) });
    expect(env().trustProxy).toBe(false);
    expect(env('false').trustProxy).toBe(false);
    expect(env('0').trustProxy).toBe(false);
    expect(env('2').trustProxy).toBe(2);
    expect(env('10.0.0.0/8, 192.0.2.7,2001:db8::/32, loopback').trustProxy).toEqual([
      '10.0.0.0/8',
      '192.0.2.7',
      '2001:db8::/32',
      'loopback',
    ]);
  });

  it.each([
    ['true', /any X-Forwarded-For/],
    ['11', /at most 10 hops/],
    ['10.0.0.0/33', /"10.0.0.0\/33"/],
    ['proxy.example.org', /"proxy.example.org"/],
    ['10.0.0.1,', /""/],
    ['::1/129', /"::1\/129"/],
  ])('refuses TRUST_PROXY=%s with a clear message', (value, message) => {
    expect(() => loadConfig({ JWT_SECRET: 'x'.repeat(40), TRUST_PROXY: value })).toThrow(message);
    expect(() => loadConfig({ JWT_SECRET: 'x'.repeat(40), TRUST_PROXY: value })).toThrow(/TRUST_PROXY/);
  });

  it('refuses an e-mail-wide failure limit below the per-address one', () => {
    expect(() => loadConfig({ JWT_SECRET: 'x'.repeat(40), LOGIN_MAX_FAILURES: '10', LOGIN_EMAIL_MAX_FAILURES: '5' })).toThrow(
      /LOGIN_EMAIL_MAX_FAILURES: must not be below LOGIN_MAX_FAILURES \(10\)/,
    );
  });

  describe('JWT key without JWT_SECRET', () => {
    it('is made once, kept in the data directory with mode 0600, and read again by the next start', () => {
      const first = loadConfig({ TRAMA_DATA_DIR: dataDir }).jwtSecret;
      const file = join(dataDir, 'jwt-secret');
      expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(readFileSync(file, 'utf8').trim()).toBe(first);
      expect(first).toMatch(/^[0-9a-f]{64}$/);
      expect(loadConfig({ TRAMA_DATA_DIR: dataDir }).jwtSecret).toBe(first);
      // JWT_SECRET wins over the file.
      expect(loadConfig({ TRAMA_DATA_DIR: dataDir, JWT_SECRET: 'y'.repeat(40) }).jwtSecret).toBe('y'.repeat(40));
    });

    it('makes the directory if needed, private, with its parents left traversable (the embedded PostgreSQL lives beside it)', () => {
      const nested = join(dataDir, 'a', 'b');
      expect(loadConfig({ TRAMA_DATA_DIR: nested }).jwtSecret).toHaveLength(64);
      expect(statSync(nested).mode & 0o777).toBe(0o700);
      expect(statSync(join(dataDir, 'a')).mode & 0o011).toBe(0o011);
    });

    it('refuses a key file others can read, or a short one', () => {
      const file = join(dataDir, 'jwt-secret');
      writeFileSync(file, 'z'.repeat(64), { mode: 0o644 });
      chmodSync(file, 0o644);
      expect(() => loadConfig({ TRAMA_DATA_DIR: dataDir })).toThrow(/readable by other users .*chmod 600/);
      chmodSync(file, 0o600);
      expect(loadConfig({ TRAMA_DATA_DIR: dataDir }).jwtSecret).toBe('z'.repeat(64));
      writeFileSync(file, 'short');
      expect(() => loadConfig({ TRAMA_DATA_DIR: dataDir })).toThrow(/fewer than 32 characters/);
    });

    it('is never made in production (JWT_SECRET is required there)', () => {
      expect(() => loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://db/trama', TRAMA_DATA_DIR: dataDir })).toThrow(
        /JWT_SECRET: required in production/,
      );
      expect(() => statSync(join(dataDir, 'jwt-secret'))).toThrow();
    });
  });
});
