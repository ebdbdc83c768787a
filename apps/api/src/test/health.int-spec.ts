import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTestApp, TestApp } from './test-app';

describe('operations endpoints', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('reports a reachable database with every migration applied', async () => {
    const res = await t.http.get('/api/health').expect(200);
    expect(res.body).toEqual({ status: 'ok', database: 'up', migrations: 'applied' });
  });

  it('answers unknown API routes with the JSON error shape', async () => {
    const res = await t.http.get('/api/no-such-thing').set('Authorization', 'Bearer x');
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ statusCode: 404, code: 'NOT_FOUND' });
  });

  it('serves the committed OpenAPI document (libs/api-client/openapi.json)', async () => {
    const res = await t.http.get('/api/docs/openapi.json').expect(200);
    const committed: unknown = JSON.parse(readFileSync(join(__dirname, '../../../../libs/api-client/openapi.json'), 'utf8'));
    expect(res.body).toEqual(committed);
  });

  it('sets security headers', async () => {
    const res = await t.http.get('/api/health');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-powered-by']).toBeUndefined();
  });
});
