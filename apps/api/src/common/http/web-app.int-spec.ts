import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, get, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { createTestApp, type TestApp } from '../../test/test-app';
import { cacheControlFor } from './web-app';

/** A GET as a browser sends it, read as the bytes on the wire (supertest and fetch would decompress them). */
function wire(
  server: Server,
  path: string,
  acceptEncoding: string,
): Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }> {
  const { port } = server.address() as AddressInfo;
  return new Promise((resolve, reject) => {
    get({ host: '127.0.0.1', port, path, headers: { 'accept-encoding': acceptEncoding } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject);
  });
}

/** A build folder as Vite writes it: hashed assets with .br/.gz beside them, index.html (also compressed), a public file. */
function fakeBuild(): { dir: string; script: string; html: string } {
  const dir = mkdtempSync(join(tmpdir(), 'trama-web-dist-'));
  mkdirSync(join(dir, 'assets'));
  const script = `export const hello = ${JSON.stringify('ciao '.repeat(400))};\n`;
  const html = `<!doctype html><html lang="it"><head><script type="module" src="/assets/index-AbC123.js"></script></head><body><div id="root"></div>${' '.repeat(2000)}</body></html>`;
  const write = (name: string, content: string) => {
    writeFileSync(join(dir, name), content);
    writeFileSync(join(dir, `${name}.br`), brotliCompressSync(content));
    writeFileSync(join(dir, `${name}.gz`), gzipSync(content));
  };
  write('assets/index-AbC123.js', script);
  write('index.html', html);
  writeFileSync(join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  // the installable app (vite-plugin-pwa): the service worker, Workbox's runtime and the manifest, at the root
  writeFileSync(join(dir, 'sw.js'), 'importScripts("./workbox-d8ed3718.js");');
  writeFileSync(join(dir, 'workbox-d8ed3718.js'), 'self.workbox = {};');
  writeFileSync(join(dir, 'manifest.webmanifest'), JSON.stringify({ name: 'Trama', short_name: 'Trama', start_url: '/' }));
  return { dir, script, html };
}

describe('the web app served by the API', () => {
  let t: TestApp;
  let build: ReturnType<typeof fakeBuild>;
  let server: Server;

  beforeAll(async () => {
    build = fakeBuild();
    t = await createTestApp({ WEB_DIST: build.dir });
    server = createServer(t.app.getHttpAdapter().getInstance());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });
  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
    await t?.close();
    rmSync(build.dir, { recursive: true, force: true });
  });

  it('serves brotli to a browser that accepts it, with the type of the original and Vary', async () => {
    const res = await wire(server, '/assets/index-AbC123.js', 'gzip, deflate, br, zstd');
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toMatch(/^(text|application)\/javascript; charset=utf-8$/i);
    expect(res.headers['vary']).toMatch(/Accept-Encoding/i);
    expect(brotliDecompressSync(res.body).toString()).toBe(build.script);
  });

  it('serves gzip to a browser that accepts only gzip', async () => {
    const res = await wire(server, '/assets/index-AbC123.js', 'gzip');
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers['vary']).toMatch(/Accept-Encoding/i);
    expect(gunzipSync(res.body).toString()).toBe(build.script);
  });

  it('serves the file as it is to a client that accepts no compression', async () => {
    const res = await wire(server, '/assets/index-AbC123.js', 'identity');
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.headers['vary']).toMatch(/Accept-Encoding/i);
    expect(res.body.toString()).toBe(build.script);
  });

  it('lets browsers keep hashed assets for a year without asking again', async () => {
    const res = await t.http.get('/assets/index-AbC123.js').set('Accept-Encoding', 'br');
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('has browsers revalidate index.html, at / and at any route of the app, compressed too', async () => {
    for (const path of ['/', '/login', '/attivita/nuova', '/index.html']) {
      const res = await wire(server, path, 'br');
      expect([path, res.status]).toEqual([path, 200]);
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.headers['content-encoding']).toBe('br');
      expect(res.headers['vary']).toMatch(/Accept-Encoding/i);
      expect(brotliDecompressSync(res.body).toString()).toBe(build.html);
    }
  });

  it('answers 404 for a hashed asset that is not in the build (not the page)', async () => {
    const res = await t.http.get('/assets/index-Old999.js').set('Accept-Encoding', 'br');
    expect(res.status).toBe(404);
    expect(res.text).not.toContain('<div id="root">');
  });

  it('gives other public files a short cache and leaves the API alone', async () => {
    const icon = await t.http.get('/favicon.svg');
    expect(icon.status).toBe(200);
    expect(icon.headers['cache-control']).toBe('public, max-age=3600');
    const health = await t.http.get('/api/health').set('Accept-Encoding', 'br');
    expect(health.headers['content-type']).toMatch(/^application\/json/);
  });

  it('serves the service worker, its Workbox runtime and the manifest with their types; the worker and manifest always revalidated', async () => {
    const sw = await t.http.get('/sw.js');
    expect(sw.status).toBe(200);
    expect(sw.headers['content-type']).toMatch(/^(text|application)\/javascript/);
    expect(sw.headers['cache-control']).toBe('no-cache');
    const workbox = await t.http.get('/workbox-d8ed3718.js');
    expect(workbox.headers['content-type']).toMatch(/^(text|application)\/javascript/);
    expect(workbox.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const manifest = await t.http.get('/manifest.webmanifest');
    expect(manifest.status).toBe(200);
    expect(manifest.headers['content-type']).toMatch(/^application\/manifest\+json/);
    expect(manifest.headers['cache-control']).toBe('no-cache');
    expect(JSON.parse(manifest.text)).toMatchObject({ short_name: 'Trama' });
  });

  it("answers 404, never the page, for a missing service worker file (an old build's Workbox)", async () => {
    for (const path of ['/workbox-0ld999.js', '/registerSW.js', '/sw.js.map']) {
      const res = await t.http.get(path);
      expect(res.status).toBe(404);
      expect(res.text).not.toContain('<div id="root">');
    }
    // the app's own routes still get the page
    expect((await t.http.get('/attivita/nuova')).text).toContain('<div id="root">');
  });

  it('decides the cache of a compressed variant by its original', () => {
    expect(cacheControlFor('assets/login-route-x1.js.br')).toBe('public, max-age=31536000, immutable');
    expect(cacheControlFor('index.html.gz')).toBe('no-cache');
    expect(cacheControlFor('sw.js')).toBe('no-cache');
    expect(cacheControlFor('favicon.svg')).toBe('public, max-age=3600');
  });
});
