import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('applies defaults when the environment is empty', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.databaseUrl).toBeUndefined();
    expect(config.demoPassword).toBe('Trama-demo-2026');
    expect(config.tileUrl).toContain('{z}');
  });

  it('treats an empty variable as unset, except TILE_URL where empty means no tiles', () => {
    const config = loadConfig({ PORT: '', TILE_URL: '' });
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

  it('requires JWT_SECRET and DATABASE_URL in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://db/trama' })).toThrow(/JWT_SECRET: required in production/);
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40) })).toThrow(/DATABASE_URL: required in production/);
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40), DATABASE_URL: 'postgres://db/trama' }).isProduction).toBe(true);
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
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40), DATABASE_URL: 'postgres://db/trama' }).secureCookies).toBe(
      true,
    );
  });
});
