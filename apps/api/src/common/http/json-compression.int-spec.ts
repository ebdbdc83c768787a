import { createServer, get, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import express from 'express';
import { createTestApp, type TestApp } from '../../test/test-app';
import { compressJson, MIN_COMPRESSED_JSON_BYTES } from './json-compression';

/** A GET read as the bytes on the wire (supertest would decompress them). */
function wire(
  server: Server,
  path: string,
  headers: Record<string, string>,
): Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }> {
  const { port } = server.address() as AddressInfo;
  return new Promise((resolve, reject) => {
    get({ host: '127.0.0.1', port, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject);
  });
}

describe('compressed JSON answers of the API', () => {
  let t: TestApp;
  let server: Server;
  let auth: Record<string, string>;

  beforeAll(async () => {
    t = await createTestApp();
    server = createServer(t.app.getHttpAdapter().getInstance());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { bari } = await t.factory.twoTenants();
    const coordinator = await t.factory.user({ role: 'coordinator', tenant: bari });
    auth = { authorization: `Bearer ${await t.factory.token(coordinator)}` };
  });
  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
    await t?.close();
  });

  it('sends a large answer as brotli or gzip, as accepted, with Vary, and the same JSON inside', async () => {
    const plain = await wire(server, '/api/map/municipalities', { ...auth, 'accept-encoding': 'identity' });
    expect(plain.status).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers['vary']).toMatch(/Accept-Encoding/i);
    expect(plain.body.length).toBeGreaterThanOrEqual(MIN_COMPRESSED_JSON_BYTES); // else this test proves nothing

    const br = await wire(server, '/api/map/municipalities', { ...auth, 'accept-encoding': 'gzip, deflate, br, zstd' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(br.headers['vary']).toMatch(/Accept-Encoding/i);
    expect(br.body.length).toBeLessThan(plain.body.length);
    expect(JSON.parse(brotliDecompressSync(br.body).toString())).toEqual(JSON.parse(plain.body.toString()));

    const gz = await wire(server, '/api/map/municipalities', { ...auth, 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(gz.body).toString())).toEqual(JSON.parse(plain.body.toString()));
  });

  it('leaves small answers uncompressed', async () => {
    const health = await wire(server, '/api/health', { 'accept-encoding': 'br' });
    expect(health.status).toBe(200);
    expect(health.headers['content-encoding']).toBeUndefined();
  });

  it('routes /api/auth in any letter case (Express is case-insensitive): the exclusion below must ignore case too', async () => {
    const me = await wire(server, '/api/AUTH/me', { ...auth, 'accept-encoding': 'br, gzip' });
    expect(me.status).toBe(200);
    expect(me.headers['content-encoding']).toBeUndefined();
  });

  it('never compresses answers under /api/auth (they carry tokens), nor file downloads', async () => {
    const app = express();
    app.use(compressJson());
    const big = { token: 'secret', filler: 'x'.repeat(4 * MIN_COMPRESSED_JSON_BYTES) };
    app.get('/api/auth/refresh', (_req, res) => res.json(big));
    app.get('/api/exports/x', (_req, res) => res.type('text/csv').send(big.filler));
    app.get('/api/list', (_req, res) => res.json(big));
    const other = createServer(app);
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    try {
      for (const path of ['/api/auth/refresh', '/api/AUTH/refresh', '/API/Auth/refresh', '/api/exports/x']) {
        const res = await wire(other, path, { 'accept-encoding': 'br, gzip' });
        expect([path, res.headers['content-encoding']]).toEqual([path, undefined]);
      }
      expect((await wire(other, '/api/list', { 'accept-encoding': 'br, gzip' })).headers['content-encoding']).toBe('br');
    } finally {
      await new Promise((resolve) => other.close(resolve));
    }
  });
});
