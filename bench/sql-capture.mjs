// The SQL the API really runs, captured on the wire, and replayed under EXPLAIN ANALYZE.
//
// `startCaptureProxy(target)` listens on a local port and forwards every byte to the PostgreSQL
// server at `target` (host, port), both ways, untouched. It also reads the client → server half of
// the PostgreSQL protocol (v3) and records each statement the client sends: the text of a Parse
// message with the values of the Bind that runs it (extended protocol: node-postgres sends every
// query with parameters this way), or the text of a simple Query. An API started with its
// DATABASE_URL pointing at the proxy therefore shows the bench the exact statements and parameters
// of a request, whatever code built them (TypeORM, raw SQL, a data door). Only plain TCP is read:
// a connection that switches to TLS is forwarded but not recorded.
//
// `explainStatements(client, statements, runs)` runs each statement with EXPLAIN (ANALYZE,
// BUFFERS, FORMAT JSON) `runs` times with the captured parameters, on a read-only session, and
// returns the planning + execution time the server reports for each run, and the plan.
import { createConnection, createServer } from 'node:net';

const SSL_REQUEST = 80877103;
const GSSENC_REQUEST = 80877104;
const CANCEL_REQUEST = 80877102;

/** Reads the client → server messages of one connection and calls `onStatement` for each statement run. */
function frontendParser(onStatement) {
  let buffer = Buffer.alloc(0);
  let startup = true; // the first message(s) have no type byte
  let broken = false;
  /** prepared statement name → { text, types } ('' is the unnamed statement) */
  const prepared = new Map();

  const cstring = (buf, at) => {
    const end = buf.indexOf(0, at);
    return [buf.toString('utf8', at, end), end + 1];
  };

  function message(type, body) {
    if (type === 0x50 /* P: Parse */) {
      const [name, a] = cstring(body, 0);
      const [text, b] = cstring(body, a);
      const n = body.readInt16BE(b);
      const types = Array.from({ length: n }, (_, i) => body.readInt32BE(b + 2 + 4 * i));
      prepared.set(name, { text, types });
    } else if (type === 0x42 /* B: Bind */) {
      const [, a] = cstring(body, 0);
      const [statement, b] = cstring(body, a);
      let at = b;
      const nFormats = body.readInt16BE(at);
      at += 2;
      const formats = Array.from({ length: nFormats }, (_, i) => body.readInt16BE(at + 2 * i));
      at += 2 * nFormats;
      const nParams = body.readInt16BE(at);
      at += 2;
      const values = [];
      for (let i = 0; i < nParams; i++) {
        const len = body.readInt32BE(at);
        at += 4;
        if (len < 0) {
          values.push(null);
          continue;
        }
        const binary = (nFormats === 1 ? formats[0] : (formats[i] ?? 0)) === 1;
        const raw = body.subarray(at, at + len);
        values.push(binary ? Buffer.from(raw) : raw.toString('utf8'));
        at += len;
      }
      const p = prepared.get(statement);
      if (p) onStatement({ text: p.text, values, types: p.types });
    } else if (type === 0x51 /* Q: simple Query */) {
      const [text] = cstring(body, 0);
      onStatement({ text, values: [], types: [] });
    }
  }

  return (chunk) => {
    if (broken) return;
    buffer = buffer.length ? Buffer.concat([buffer, chunk]) : chunk;
    try {
      for (;;) {
        if (startup) {
          if (buffer.length < 8) return;
          const len = buffer.readInt32BE(0);
          if (buffer.length < len) return;
          const code = buffer.readInt32BE(4);
          buffer = buffer.subarray(len);
          if (code === SSL_REQUEST || code === GSSENC_REQUEST) {
            // if the server accepts, what follows is encrypted: nothing more to read. node-postgres
            // without sslmode never asks; a refused request is followed by a plain startup.
            continue;
          }
          if (code === CANCEL_REQUEST) return;
          startup = false;
          continue;
        }
        if (buffer.length < 5) return;
        const type = buffer[0];
        const len = buffer.readInt32BE(1);
        if (buffer.length < 1 + len) return;
        message(type, buffer.subarray(5, 1 + len));
        buffer = buffer.subarray(1 + len);
      }
    } catch {
      broken = true; // not the protocol we know (TLS, garbage): keep forwarding, stop reading
    }
  };
}

/**
 * A forwarding proxy to `target` that records the statements clients send. `take()` returns and
 * clears what was recorded since the last call, in the order the server received it.
 */
export async function startCaptureProxy(target) {
  let recorded = [];
  const sockets = new Set();
  const server = createServer((client) => {
    const upstream = createConnection({ host: target.host, port: target.port });
    sockets.add(client).add(upstream);
    const parse = frontendParser((statement) => recorded.push({ at: performance.now(), ...statement }));
    client.on('data', (chunk) => {
      parse(chunk);
      upstream.write(chunk);
    });
    upstream.pipe(client);
    const close = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('error', close).on('close', close);
    upstream.on('error', close).on('close', close);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: server.address().port,
    take() {
      const out = recorded;
      recorded = [];
      return out;
    },
    close: () =>
      new Promise((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

const EXPLAINABLE = /^\s*(\(\s*)*(select|with|values|table)\b/i;

/** The statements of a request worth timing: reads (a list request writes nothing); the rest is named and skipped. */
export function splitExplainable(statements) {
  const reads = [];
  const skipped = [];
  for (const s of statements) (EXPLAINABLE.test(s.text) ? reads : skipped).push(s);
  return { reads, skipped };
}

/** One line of SQL for display. */
export function oneLine(text, max = 110) {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** The nodes of a JSON plan, depth first: "Index Only Scan using activities_type_idx" … */
export function planOutline(plan, depth = 0, out = []) {
  const what = [
    plan['Node Type'],
    plan['Index Name'] ? `using ${plan['Index Name']}` : plan['Relation Name'] ? `on ${plan['Relation Name']}` : '',
  ]
    .filter(Boolean)
    .join(' ');
  const loops = plan['Actual Loops'] ?? 1;
  out.push(
    `${'  '.repeat(depth)}${what} (rows ${plan['Actual Rows'] * loops}${plan['Heap Fetches'] !== undefined ? `, heap fetches ${plan['Heap Fetches']}` : ''}, ${plan['Actual Total Time']?.toFixed(2)} ms)`,
  );
  for (const child of plan.Plans ?? []) planOutline(child, depth + 1, out);
  return out;
}

/**
 * Runs each statement `runs` times under EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) on `client` (a
 * pg.Client on a read-only session). Returns, per statement, the server time of each run
 * (planning + execution, ms) and the plan of the last run.
 */
export async function explainStatements(client, statements, runs) {
  const out = [];
  for (const s of statements) {
    const times = [];
    let plan = null;
    for (let i = 0; i < runs; i++) {
      const res = await client.query(`EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${s.text}`, s.values);
      const [top] = res.rows[0]['QUERY PLAN'];
      times.push(top['Planning Time'] + top['Execution Time']);
      plan = top;
    }
    out.push({ statement: s, times, plan });
  }
  return out;
}
