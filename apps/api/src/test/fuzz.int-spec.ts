import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import { REFRESH_COOKIE } from '../modules/auth/refresh-token';
import { VALID_EXAMPLES, type ValidExample } from './fuzz/examples';
import { exampleOf, exampleQuery, randomVariant, systematicVariants, type Variant } from './fuzz/mutations';
import { fuzzedOperations, loadDocument, type Operation } from './fuzz/openapi';
import { closeAgent, describeRequest, type FuzzRequest, send } from './fuzz/request';
import { type Snapshot, Snapshots } from './fuzz/snapshot';
import { type FuzzRole, FuzzWorld, ROLES } from './fuzz/world';
import { createTestApp, type TestApp } from './test-app';

/*
 * The project's own fuzz test. It reads the committed OpenAPI document (libs/api-client/openapi.json)
 * and walks every write operation and every read that takes query parameters. For each role it
 * builds a valid request (from the schema, or from VALID_EXAMPLES where the schema cannot: ids of
 * fixtures, versions), checks that it is accepted for its role, then sends malformed variants of it:
 * a systematic sweep (every field × null, left out, wrong types, boundary numbers, hostile text,
 * deep nesting; every query and path parameter × hostile text and numbers; whole-body shapes,
 * encodings and sizes; forged credentials) and fast-check's random mutations (seeded).
 *
 * Each answer must be below 500; a 4xx must leave every table as it was; a variant the document
 * forbids (null for a non-nullable field, a number beyond its maximum, an unknown field, a NUL…)
 * must not be accepted. A new endpoint is walked because it is in the document; without a valid
 * request the test fails.
 *
 *   FUZZ_SEED=<n>|random   the seed (default fixed, printed on failure)
 *   FUZZ_RUNS=<n>          random variants per operation for its own role (default 20)
 */

const DOCUMENT = loadDocument();
const OPERATIONS = fuzzedOperations(DOCUMENT);
const SEED = process.env.FUZZ_SEED === 'random' ? Math.floor(Math.random() * 2 ** 31) : Number(process.env.FUZZ_SEED ?? 20261201);
const RUNS = Number(process.env.FUZZ_RUNS ?? 20);
/** random variants for the roles the operation is not meant for (mostly refused by the guards) */
const OTHER_RUNS = Math.max(2, Math.ceil(RUNS / 5));
/** problems listed in a failure (all are counted) */
const SHOWN = 25;
/** roles tried, in order, to find one that an operation without an example accepts */
const DISCOVERY_ORDER: FuzzRole[] = ['coordinator', 'innovator', 'municipality', 'admin', 'anonymous'];

/** A seed per operation and role, so that adding an operation does not change the requests of the others. */
function seedFor(operationId: string, role: FuzzRole): number {
  let h = SEED >>> 0;
  for (const c of `${operationId}/${role}`) h = Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0;
  return h;
}

interface Stats {
  requests: number;
  serverErrors: number;
  refused: number;
  accepted: number;
  started: number;
}

describe('fuzz: every write and list operation of the OpenAPI document, for every role', () => {
  let t: TestApp;
  let w: FuzzWorld;
  let snapshots: Snapshots;
  let port: number;
  const stats: Stats = { requests: 0, serverErrors: 0, refused: 0, accepted: 0, started: Date.now() };
  /** the state after the last request, valid as the next one's "before" while the world wrote nothing itself */
  let last: { snapshot: Snapshot; writes: number } | undefined;

  beforeAll(async () => {
    t = await createTestApp();
    const server = t.app.getHttpServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
    w = await FuzzWorld.create(t, port);
    snapshots = await Snapshots.open(t.databaseUrl);
  });

  afterAll(async () => {
    const seconds = ((Date.now() - stats.started) / 1000).toFixed(1);
    console.log(
      `fuzz: ${stats.requests} requests over ${OPERATIONS.length} operations × ${ROLES.length} roles in ${seconds} s ` +
        `(seed ${SEED}, ${RUNS} random runs): 5xx found: ${stats.serverErrors}; refused (4xx): ${stats.refused}; accepted: ${stats.accepted}`,
    );
    closeAgent();
    await snapshots?.close();
    await t?.close();
  });

  /** The valid request of an operation for a role (fresh ids and versions each time). */
  async function validRequest(op: Operation, role: FuzzRole, example: ValidExample | undefined): Promise<FuzzRequest> {
    const parts = example ? await example.build(w) : {};
    const path: FuzzRequest['path'] = { ...parts.path };
    for (const p of op.parameters.filter((x) => x.in === 'path')) {
      if (path[p.name] !== undefined) continue;
      const value = exampleOf(p.schema ?? {});
      if (value === undefined) throw new Error(`no value for path parameter ${p.name}`);
      path[p.name] = String(value);
    }
    const query = parts.query ?? exampleQuery(op.parameters);
    if (!query) throw new Error('no value for a required query parameter');
    if (op.multipart && !parts.raw) throw new Error('an upload needs its file: give `raw` (validUpload()) in its example');
    let body = parts.body;
    if (body === undefined && op.body && (op.bodyRequired || (op.body.required?.length ?? 0) > 0)) {
      body = exampleOf(op.body);
      if (body === undefined) throw new Error('the body schema cannot make a valid body');
    }
    return { method: op.method, template: op.path, path, query, body, raw: parts.raw, headers: { ...w.headers(role), ...parts.headers } };
  }

  /** Sends one request and returns what is wrong with the answer, if anything. */
  async function probe(op: Operation, role: FuzzRole, example: ValidExample | undefined, variant: Variant | null): Promise<string | null> {
    const valid = await validRequest(op, role, example);
    const req = variant ? variant.apply(valid) : valid;
    const before = last && last.writes === w.writes ? last.snapshot : await snapshots.take();
    const res = await send(port, req);
    stats.requests++;
    const after = await snapshots.take();
    last = { snapshot: after, writes: w.writes };
    const problems: string[] = [];
    if (res.status >= 500) {
      stats.serverErrors++;
      problems.push(`answered ${res.status}`);
    } else if (res.status >= 400) {
      stats.refused++;
      if (!example?.writesOn?.includes(res.status)) {
        const changed = Snapshots.changed(before, after);
        if (changed.length > 0) problems.push(`answered ${res.status} but wrote to ${changed.join(', ')}`);
      }
      const error = res.json as { statusCode?: unknown; code?: unknown } | undefined;
      if (error?.statusCode !== res.status || typeof error.code !== 'string')
        problems.push(`answered ${res.status} without the error shape`);
    } else {
      stats.accepted++;
      if (variant?.mustRefuse) problems.push(`accepted (${res.status}) what the document forbids`);
    }
    w.keepCookie(role, res.headers);
    if (res.status < 300 && example?.endsSession === 'token') await w.signIn(role);
    if (problems.length === 0) return null;
    return `${role}: ${variant?.label ?? 'the valid request'} ${problems.join('; ')}\n    ${describeRequest(req)}\n    → ${res.status} ${res.text.slice(0, 300)}`;
  }

  /** The role the operation's valid request is meant for: the example's, or the first one that gets a 2xx. */
  async function primaryRole(op: Operation, example: ValidExample | undefined): Promise<FuzzRole> {
    const tried: string[] = [];
    for (const role of example ? [example.role] : DISCOVERY_ORDER) {
      await w.ensureSession(role);
      let req: FuzzRequest;
      try {
        req = await validRequest(op, role, example);
      } catch (error) {
        throw new Error(`${op.operationId}: ${(error as Error).message}; add a valid example to apps/api/src/test/fuzz/examples.ts`);
      }
      const res = await send(port, req);
      stats.requests++;
      last = undefined; // it may have written
      if (res.status < 300) {
        stats.accepted++;
        w.keepCookie(role, res.headers);
        if (example?.endsSession) await w.signIn(role);
        return role;
      }
      if (res.status >= 500) stats.serverErrors++;
      tried.push(`${role} → ${res.status} ${res.text.slice(0, 200)}`);
    }
    throw new Error(
      `${op.operationId}: no valid request (${example ? 'its example is refused' : 'none of the roles is answered 2xx for the request its schema makes'}): ` +
        `${tried.join('; ')}. Add or fix its entry in apps/api/src/test/fuzz/examples.ts`,
    );
  }

  it('has an example only for operations of the document', () => {
    const known = new Set(OPERATIONS.map((op) => op.operationId));
    expect(Object.keys(VALID_EXAMPLES).filter((id) => !known.has(id))).toEqual([]);
    expect(OPERATIONS.length).toBeGreaterThanOrEqual(25);
  });

  it.each(OPERATIONS.map((op) => [`${op.method.toUpperCase()} ${op.path} (${op.operationId})`, op] as const))(
    '%s: malformed requests get a 4xx that writes nothing, never a 5xx',
    async (_name, op) => {
      const example = VALID_EXAMPLES[op.operationId];
      const primary = await primaryRole(op, example);
      const problems: string[] = [];
      for (const role of ROLES) {
        await w.ensureSession(role);
        if (role === primary) {
          for (const variant of systematicVariants(op, REFRESH_COOKIE)) {
            const problem = await probe(op, role, example, variant);
            if (problem) problems.push(problem);
          }
          await w.ensureSession(role);
        }
        const numRuns = role === primary ? (example?.runs ?? RUNS) : OTHER_RUNS;
        const seed = seedFor(op.operationId, role);
        try {
          await fc.assert(
            fc.asyncProperty(randomVariant(op), async (variant) => {
              const problem = await probe(op, role, example, variant);
              if (problem) throw new Error(problem);
            }),
            { numRuns, seed },
          );
        } catch (error) {
          problems.push(`${role}: random variants (fast-check seed ${seed}, FUZZ_SEED=${SEED}) ${(error as Error).message}`);
        }
        if (example?.endsSession === 'cookie') await w.signIn(role);
      }
      if (problems.length > 0) {
        throw new Error(
          `${op.operationId}: ${problems.length} problem(s) (FUZZ_SEED=${SEED})\n` +
            problems.slice(0, SHOWN).join('\n') +
            (problems.length > SHOWN ? `\n… and ${problems.length - SHOWN} more` : ''),
        );
      }
    },
    180_000,
  );
});
