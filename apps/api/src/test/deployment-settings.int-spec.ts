import { createTestApp, type TestApp } from './test-app';

/** Settings a deployment chooses: the OpenAPI page and the refresh cookie's Secure flag. */
describe('deployment settings', () => {
  const apps: TestApp[] = [];
  const boot = async (env: Record<string, string>) => {
    const t = await createTestApp(env);
    apps.push(t);
    return t;
  };
  afterAll(() => Promise.all(apps.map((t) => t.close())));

  const refreshCookie = async (t: TestApp) => {
    const user = await t.factory.user({ role: 'admin' });
    const res = await t.http.post('/api/auth/login').send({ email: user.email, password: user.password });
    expect(res.status).toBe(200);
    const cookie = ([] as string[]).concat(res.headers['set-cookie'] ?? []).find((c) => c.startsWith('trama_refresh='));
    expect(cookie).toBeDefined();
    return cookie!;
  };

  it('API_DOCS=false: no OpenAPI page or document, the API itself unchanged', async () => {
    const t = await boot({ API_DOCS: 'false' });
    for (const path of ['/api/docs', '/api/docs/', '/api/docs/openapi.json', '/api/docs-json', '/api/docs-yaml']) {
      const res = await t.http.get(path);
      expect({ path, status: res.status }).toEqual({ path, status: 404 });
    }
    expect((await t.http.get('/api/health')).status).toBe(200);
  });

  it('serves the OpenAPI page and document by default', async () => {
    const t = await boot({});
    expect((await t.http.get('/api/docs/openapi.json')).status).toBe(200);
    expect((await t.http.get('/api/docs/')).status).toBe(200);
  });

  it('sets the refresh cookie Secure when APP_ORIGIN is https, and not on plain http (development)', async () => {
    const https = await boot({ APP_ORIGIN: 'https://trama.cittametropolitana.ba.it' });
    expect(await refreshCookie(https)).toMatch(/;\s*Secure/i);
    const http = await boot({ APP_ORIGIN: 'http://localhost:3000' });
    const plain = await refreshCookie(http);
    expect(plain).not.toMatch(/;\s*Secure/i);
    expect(plain).toMatch(/HttpOnly/i);
  });
});
