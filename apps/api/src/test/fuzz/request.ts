import { request as httpRequest, Agent } from 'node:http';

/** A JSON literal that JSON.stringify cannot write (1e400, 2^63 exactly, -0): sent as is. */
export class RawJson {
  constructor(readonly text: string) {}
}

/** Query or path text sent as is: already percent-encoded, or broken on purpose (`%zz`, `%FF`). */
export class RawText {
  constructor(readonly text: string) {}
}

export type QueryValue = string | RawText;

/** One part of a multipart/form-data body: a file when it has a filename. */
export interface FormPart {
  name: string;
  filename?: string;
  contentType?: string;
  bytes: Buffer | string;
}

export const MULTIPART_BOUNDARY = '----trama-fuzz-7d1c0b5a';

/** A multipart/form-data body, byte for byte (names and filenames as given: hostile ones too). */
export function multipart(parts: FormPart[], boundary = MULTIPART_BOUNDARY): { contentType: string; bytes: Buffer } {
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const disposition = `form-data; name="${part.name}"${part.filename === undefined ? '' : `; filename="${part.filename}"`}`;
    const head = `--${boundary}\r\nContent-Disposition: ${disposition}\r\n${part.contentType ? `Content-Type: ${part.contentType}\r\n` : ''}\r\n`;
    chunks.push(Buffer.from(head, 'utf8'), Buffer.isBuffer(part.bytes) ? part.bytes : Buffer.from(part.bytes, 'utf8'), Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { contentType: `multipart/form-data; boundary=${boundary}`, bytes: Buffer.concat(chunks) };
}

/** One request of the fuzz test, before it is put on the wire. */
export interface FuzzRequest {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** the document's path template: /api/activities/{id} */
  template: string;
  path: Record<string, QueryValue>;
  query: [string, QueryValue][];
  /** a JSON body (may hold RawJson values); undefined: none */
  body?: unknown;
  /** instead of `body`: these bytes with this content type */
  raw?: { bytes: string | Buffer; contentType: string };
  headers: Record<string, string>;
}

export interface FuzzResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json: unknown;
}

/**
 * Percent-encodes text as UTF-8, and an unpaired surrogate as the three bytes its code unit
 * would have (WTF-8: `\ud800` → %ED%A0%80), which is how such text arrives from a broken client;
 * encodeURIComponent throws on it.
 */
export function percentEncode(text: string): string {
  let out = '';
  for (const char of text) {
    if (/^[A-Za-z0-9\-_.!~*'()]$/.test(char)) {
      out += char;
      continue;
    }
    const cp = char.codePointAt(0)!;
    const bytes =
      cp < 0x80
        ? [cp]
        : cp < 0x800
          ? [0xc0 | (cp >> 6), 0x80 | (cp & 63)]
          : cp < 0x10000
            ? [0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63)]
            : [0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63)];
    out += bytes.map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join('');
  }
  return out;
}

const encoded = (value: QueryValue) => (value instanceof RawText ? value.text : percentEncode(value));

/** JSON text of a body, with RawJson values written as their literal text. */
export function jsonText(body: unknown): string {
  const raws: string[] = [];
  const nonce = `__fuzz_raw_${Math.random().toString(36).slice(2)}_`;
  const text = JSON.stringify(body, (_key, value: unknown) => {
    if (value instanceof RawJson) {
      raws.push(value.text);
      return `${nonce}${raws.length - 1}`;
    }
    return value;
  });
  if (text === undefined) return '';
  return raws.length === 0 ? text : text.replace(new RegExp(`"${nonce}(\\d+)"`, 'g'), (_m, i: string) => raws[Number(i)]);
}

export function urlOf(req: FuzzRequest): string {
  const path = req.template.replace(/\{(\w+)\}/g, (_m, name: string) => {
    const value = req.path[name];
    if (value === undefined) throw new Error(`fuzz: no value for path parameter ${name} of ${req.template}`);
    return encoded(value);
  });
  const query = req.query.map(([k, v]) => `${percentEncode(k)}=${encoded(v)}`).join('&');
  return query ? `${path}?${query}` : path;
}

/** A short description of a request for failure reports (bodies cut to a readable length). */
export function describeRequest(req: FuzzRequest): string {
  const cut = (s: string) => (s.length > 300 ? `${s.slice(0, 300)}… (${s.length} chars)` : s);
  const body = req.raw ? `${req.raw.contentType}: ${cut(String(req.raw.bytes))}` : req.body === undefined ? '' : cut(jsonText(req.body));
  return `${req.method.toUpperCase()} ${cut(urlOf(req))}${body ? ` ${body}` : ''}`;
}

const agent = new Agent({ keepAlive: true, maxSockets: 1 });

/**
 * Sends the request with node:http, byte for byte as built (supertest and fetch normalise URLs
 * and bodies, which would hide what a hostile client can send).
 */
export function send(port: number, req: FuzzRequest): Promise<FuzzResponse> {
  let payload: Buffer | undefined;
  const headers: Record<string, string> = { ...req.headers };
  if (req.raw) {
    payload = Buffer.isBuffer(req.raw.bytes) ? req.raw.bytes : Buffer.from(req.raw.bytes, 'utf8');
    headers['content-type'] = req.raw.contentType;
  } else if (req.body !== undefined) {
    payload = Buffer.from(jsonText(req.body), 'utf8');
    headers['content-type'] = 'application/json';
  }
  if (payload) headers['content-length'] = String(payload.length);
  return new Promise((resolve, reject) => {
    const r = httpRequest({ host: '127.0.0.1', port, method: req.method.toUpperCase(), path: urlOf(req), headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', reject);
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json: unknown;
        try {
          json = text ? JSON.parse(text) : undefined;
        } catch {
          json = undefined;
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
      });
    });
    r.on('error', reject);
    r.end(payload);
  });
}

export function closeAgent(): void {
  agent.destroy();
}
