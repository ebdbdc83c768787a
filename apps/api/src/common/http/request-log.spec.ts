import { createServer, type Server } from 'node:http';
import { Writable } from 'node:stream';
import { pinoHttp } from 'pino-http';
import { requestLogOptions } from './request-log';

/** The real pino-http with our options, on a server that answers like the app (many headers, a cookie). */
async function logLinesOf(send: (port: number) => Promise<unknown>): Promise<Record<string, unknown>[]> {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  const log = pinoHttp(requestLogOptions({ logLevel: 'info', env: 'test' }), stream);
  const server: Server = createServer((req, res) => {
    log(req, res);
    res.setHeader('Content-Security-Policy', "default-src 'self'");
    res.setHeader('Strict-Transport-Security', 'max-age=31536000');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Set-Cookie', 'trama_refresh=secret-token; HttpOnly');
    res.statusCode = req.url === '/api/missing' ? 404 : 200;
    res.end('{}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    await send((server.address() as { port: number }).port);
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
  return lines.map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('request log', () => {
  it('writes one line per request with id, method, URL, status and time, and no headers', async () => {
    const lines = await logLinesOf(async (port) => {
      await fetch(`http://127.0.0.1:${port}/api/activities?page=2`, {
        headers: { Authorization: 'Bearer abc.def', Cookie: 'trama_refresh=x' },
      });
      await fetch(`http://127.0.0.1:${port}/api/missing`);
      await fetch(`http://127.0.0.1:${port}/api/health`);
    });
    expect(lines).toHaveLength(2); // health checks are not logged
    expect(lines[0]).toMatchObject({
      req: { method: 'GET', url: '/api/activities?page=2' },
      res: { statusCode: 200 },
      msg: 'request completed',
    });
    expect(lines[0].req).toEqual({ id: expect.anything(), method: 'GET', url: '/api/activities?page=2' });
    expect(lines[0].res).toEqual({ statusCode: 200 });
    expect(typeof lines[0].responseTime).toBe('number');
    expect(lines[1].res).toEqual({ statusCode: 404 });
    const text = JSON.stringify(lines);
    for (const leak of ['Content-Security-Policy', 'content-security-policy', 'nosniff', 'secret-token', 'Bearer', 'headers']) {
      expect(text).not.toContain(leak);
    }
  });
});
