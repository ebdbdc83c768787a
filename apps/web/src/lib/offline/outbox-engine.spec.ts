import { describe, expect, it, jest } from '@jest/globals';
import { backoffDelay, BACKOFF_MAX_MS, OutboxEngine, requestOf } from './outbox-engine';
import type { NewOutboxItem, OutboxItem, OutboxRequest, OutboxStore } from './outbox-types';

/** The outbox in memory: what Dexie stores, without IndexedDB. */
function memoryStore(): OutboxStore & { items: Map<number, OutboxItem> } {
  const items = new Map<number, OutboxItem>();
  let next = 1;
  const copy = (item: OutboxItem) => ({ ...item });
  return {
    items,
    list: async (userId) => [...items.values()].filter((i) => i.userId === userId).map(copy),
    get: async (seq) => (items.has(seq) ? copy(items.get(seq) as OutboxItem) : undefined),
    byClientId: async (userId, clientId) => [...items.values()].find((i) => i.userId === userId && i.clientId === clientId),
    add: async (item) => {
      const seq = next++;
      items.set(seq, { ...item, seq });
      return seq;
    },
    patch: async (seq, changes) => {
      const item = items.get(seq);
      if (item) items.set(seq, { ...item, ...changes });
    },
    remove: async (seq) => {
      items.delete(seq);
    },
  };
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
const apiError = (status: number, code: string, message = code) => json(status, { statusCode: status, error: 'E', code, message });

/** A scripted server: each request is answered by the next handler that accepts it; every request is logged. */
function server(handler: (request: OutboxRequest, n: number) => Response | Promise<Response> | 'drop') {
  const log: OutboxRequest[] = [];
  const send = jest.fn(async (request: OutboxRequest) => {
    log.push(request);
    const answer = await handler(request, log.length);
    if (answer === 'drop') throw new TypeError('Failed to fetch');
    return answer;
  });
  return { send, log };
}

function activity(title: string, overrides: Partial<NewOutboxItem> = {}): NewOutboxItem {
  return {
    userId: 'u1',
    kind: 'activity',
    op: 'create',
    clientId: `client-${title}`,
    fields: { title, municipality: '072006' },
    label: title,
    ...overrides,
  };
}

function setup(handler: Parameters<typeof server>[0]) {
  const store = memoryStore();
  const { send, log } = server(handler);
  const timers: { fn: () => void; ms: number }[] = [];
  let clock = 1_000_000;
  const engine = new OutboxEngine({
    store,
    send,
    now: () => clock,
    random: () => 1,
    setTimer: (fn, ms) => timers.push({ fn, ms }),
    clearTimer: () => undefined,
  });
  engine.setUser('u1');
  const states = () => [...store.items.values()].map((i) => `${i.label}:${i.state}`);
  return { store, send, log, engine, timers, states, tick: (ms: number) => (clock += ms) };
}

describe('OutboxEngine', () => {
  it('sends waiting items in their order and marks each sent with the record it created', async () => {
    let id = 0;
    const { engine, log, states, store } = setup(() => json(201, { id: `rec-${++id}`, version: 1 }));
    await engine.enqueue(activity('A'));
    await engine.enqueue(activity('B'));
    await engine.enqueue(activity('C'));
    expect(states()).toEqual(['A:waiting', 'B:waiting', 'C:waiting']);
    expect(await engine.run()).toBe('done');
    expect(log.map((r) => (r.json as { title: string }).title)).toEqual(['A', 'B', 'C']);
    expect(log[0]).toMatchObject({ method: 'POST', path: '/api/activities', json: { clientId: 'client-A' } });
    expect(states()).toEqual(['A:sent', 'B:sent', 'C:sent']);
    expect(store.items.get(2)?.recordId).toBe('rec-2');
    // a second run sends nothing again
    await engine.run();
    expect(log).toHaveLength(3);
  });

  it('sends a photo after its building, to the id the building got, with its own clientId', async () => {
    const { engine, log, states } = setup((r) => (r.path === '/api/buildings' ? json(201, { id: 'b-9' }) : json(201, { id: 'f-1' })));
    await engine.enqueue({ ...activity('Casa'), kind: 'building', clientId: 'bld' });
    await engine.enqueue({
      ...activity('foto.jpg'),
      kind: 'photo',
      op: 'upload',
      clientId: 'ph',
      parentClientId: 'bld',
      blob: new Blob(['x']),
      fileName: 'foto.jpg',
    });
    await engine.run();
    expect(log.map((r) => r.path)).toEqual(['/api/buildings', '/api/buildings/b-9/photos?clientId=ph']);
    expect(log[1].file?.name).toBe('foto.jpg');
    expect(states()).toEqual(['Casa:sent', 'foto.jpg:sent']);
  });

  it('keeps a photo waiting while its building is refused, and sends the items after it', async () => {
    const { engine, log, states } = setup((r) =>
      r.path === '/api/buildings' ? apiError(400, 'VALIDATION_FAILED') : json(201, { id: 'a-1' }),
    );
    await engine.enqueue({ ...activity('Casa'), kind: 'building', clientId: 'bld' });
    await engine.enqueue({
      ...activity('foto'),
      kind: 'photo',
      op: 'upload',
      clientId: 'ph',
      parentClientId: 'bld',
      blob: new Blob(['x']),
    });
    await engine.enqueue(activity('Dopo'));
    expect(await engine.run()).toBe('done');
    expect(states()).toEqual(['Casa:rejected', 'foto:waiting', 'Dopo:sent']);
    expect(log.map((r) => r.path)).toEqual(['/api/buildings', '/api/activities']);
  });

  it('stops at a network failure, keeps the order, and retries with a growing backoff', async () => {
    let down = true;
    const { engine, log, states, timers } = setup(() => (down ? 'drop' : json(201, { id: 'x' })));
    await engine.enqueue(activity('A'));
    await engine.enqueue(activity('B'));
    expect(await engine.run()).toBe('offline');
    expect(log).toHaveLength(1);
    expect(states()).toEqual(['A:waiting', 'B:waiting']);
    expect(engine.getStatus()).toMatchObject({ failures: 1 });
    expect(timers.map((t) => t.ms)).toEqual([1000]);
    await engine.run();
    await engine.run();
    expect(timers.map((t) => t.ms)).toEqual([1000, 2000, 4000]);
    down = false;
    timers[2].fn();
    await engine.run();
    expect(states()).toEqual(['A:sent', 'B:sent']);
    expect(engine.getStatus()).toMatchObject({ failures: 0, retryAt: null });
  });

  it('starts the backoff again after a run that got answers before failing (a link that drops one request in three)', async () => {
    const { engine, states, timers } = setup((_r, n) => (n % 3 === 0 ? 'drop' : json(201, { id: `r${n}` })));
    for (const title of ['A', 'B', 'C', 'D', 'E', 'F']) await engine.enqueue(activity(title));
    for (let i = 0; i < 5 && states().some((s) => s.endsWith('waiting')); i++) await engine.run();
    expect(states().every((s) => s.endsWith(':sent'))).toBe(true);
    expect(timers.map((t) => t.ms)).toEqual([1000, 1000]);
  });

  it('treats 5xx and 429 as "not now": the item waits and the run stops', async () => {
    const { engine, states } = setup((_r, n) => (n === 1 ? apiError(503, 'SERVICE_UNAVAILABLE') : apiError(429, 'TOO_MANY_REQUESTS')));
    await engine.enqueue(activity('A'));
    expect(await engine.run()).toBe('offline');
    expect(await engine.run()).toBe('offline');
    expect(states()).toEqual(['A:waiting']);
  });

  it('a lost answer is resent with the same clientId, so the server can return what it created', async () => {
    const created = new Map<string, string>();
    let answers = 0;
    const { engine, log, store } = setup((r) => {
      const key = (r.json as { clientId: string }).clientId;
      if (!created.has(key)) created.set(key, `rec-${created.size + 1}`);
      // the first answer is lost after the server wrote the record
      return ++answers === 1 ? 'drop' : json(201, { id: created.get(key) });
    });
    await engine.enqueue(activity('A'));
    await engine.run();
    await engine.sendNow();
    expect(log.map((r) => (r.json as { clientId: string }).clientId)).toEqual(['client-A', 'client-A']);
    expect(created.size).toBe(1);
    expect(store.items.get(1)).toMatchObject({ state: 'sent', recordId: 'rec-1', attempts: 2 });
  });

  it('puts a stale edit in conflict with the server’s record, and resolves it by keeping mine at their version', async () => {
    let version = 5;
    const { engine, log, store } = setup((r) => {
      if (r.method === 'GET') return json(200, { id: 'a-1', title: 'Loro', version });
      const sent = r.json as { version: number };
      return sent.version === version ? json(200, { id: 'a-1', version: ++version }) : apiError(409, 'STALE_VERSION');
    });
    const seq = await engine.enqueue(activity('Mia', { op: 'update', recordId: 'a-1', version: 3, fields: { title: 'Mia' } }));
    await engine.run();
    expect(store.items.get(seq)).toMatchObject({
      state: 'conflict',
      theirs: { title: 'Loro', version: 5 },
      error: { code: 'STALE_VERSION' },
    });
    expect(log.map((r) => `${r.method} ${r.path}`)).toEqual(['PATCH /api/activities/a-1', 'GET /api/activities/a-1']);
    await engine.keepMine(seq);
    expect(store.items.get(seq)).toMatchObject({ state: 'waiting', version: 5 });
    await engine.run();
    expect(log[2].json).toEqual({ title: 'Mia', version: 5 });
    expect(store.items.get(seq)?.state).toBe('sent');
  });

  it('resolves a conflict by a merge (resent at their version) or by taking theirs (the edit leaves)', async () => {
    const { engine, log, store } = setup((r) =>
      r.method === 'GET' ? json(200, { id: 'a-1', title: 'Loro', notes: 'n', version: 7 }) : apiError(409, 'ACTIVITY_STALE_VERSION'),
    );
    const a = await engine.enqueue(activity('x', { op: 'update', recordId: 'a-1', version: 1, fields: { title: 'Mia', notes: 'mie' } }));
    const b = await engine.enqueue(activity('y', { op: 'update', recordId: 'a-1', version: 1, fields: { title: 'Mia' } }));
    await engine.run();
    expect([store.items.get(a)?.state, store.items.get(b)?.state]).toEqual(['conflict', 'conflict']);
    await engine.merge(a, { title: 'Loro', notes: 'mie' });
    expect(store.items.get(a)).toMatchObject({ state: 'waiting', version: 7, fields: { title: 'Loro', notes: 'mie' } });
    expect(store.items.get(a)?.theirs).toBeUndefined();
    await engine.takeTheirs(b);
    expect(store.items.has(b)).toBe(false);
    await engine.run();
    expect(log.at(-2)?.json).toEqual({ title: 'Loro', notes: 'mie', version: 7 });
  });

  it('rejects a 400 with the server’s error and sends it again once corrected', async () => {
    const { engine, store, log } = setup((r) =>
      String((r.json as { title: string }).title).length > 5
        ? json(400, {
            statusCode: 400,
            error: 'Bad Request',
            code: 'VALIDATION_FAILED',
            message: 'bad',
            details: [{ field: 'title', messages: ['too long'], codes: ['TOO_LONG'] }],
          })
        : json(201, { id: 'ok' }),
    );
    const seq = await engine.enqueue(activity('Troppo lungo'));
    await engine.run();
    expect(store.items.get(seq)).toMatchObject({
      state: 'rejected',
      error: { status: 400, code: 'VALIDATION_FAILED', details: [{ field: 'title', codes: ['TOO_LONG'] }] },
    });
    // a rejected item is not sent by itself again
    await engine.run();
    expect(log).toHaveLength(1);
    await engine.edit(seq, { title: 'Breve' });
    await engine.run();
    expect(store.items.get(seq)).toMatchObject({ state: 'sent', recordId: 'ok' });
    expect(store.items.get(seq)?.error).toBeUndefined();
  });

  it('on 401 keeps every item waiting and asks for a new sign-in; a new run after it sends them', async () => {
    let signedIn = false;
    const { engine, states } = setup(() => (signedIn ? json(201, { id: 'x' }) : apiError(401, 'UNAUTHORIZED')));
    await engine.enqueue(activity('A'));
    await engine.enqueue(activity('B'));
    expect(await engine.run()).toBe('auth');
    expect(engine.getStatus().authRequired).toBe(true);
    expect(states()).toEqual(['A:waiting', 'B:waiting']);
    signedIn = true;
    await engine.sendNow();
    expect(states()).toEqual(['A:sent', 'B:sent']);
    expect(engine.getStatus().authRequired).toBe(false);
  });

  it('sends an item found "sending" (a tab closed mid-request) again, and only the signed-in user’s items', async () => {
    const { engine, store, log } = setup(() => json(201, { id: 'x' }));
    const seq = await engine.enqueue(activity('A'));
    await store.patch(seq, { state: 'sending' });
    await engine.enqueue(activity('Altrui', { userId: 'u2' }));
    await engine.run();
    expect(log).toHaveLength(1);
    expect(store.items.get(seq)?.state).toBe('sent');
    expect([...store.items.values()].find((i) => i.userId === 'u2')?.state).toBe('waiting');
  });

  it('tries nothing while the device knows it is offline, and sends once it is back', async () => {
    const store = memoryStore();
    const { send, log } = server(() => json(201, { id: 'rec-1', version: 1 }));
    let offline = true;
    const engine = new OutboxEngine({ store, send, isOffline: () => offline, setTimer: () => undefined, clearTimer: () => undefined });
    engine.setUser('u1');
    await engine.enqueue(activity('A'));
    expect(await engine.run()).toBe('offline');
    expect(log).toHaveLength(0);
    expect([...store.items.values()].map((i) => i.state)).toEqual(['waiting']);
    offline = false;
    expect(await engine.run()).toBe('done');
    expect(log).toHaveLength(1);
  });

  it('runs once at a time in a tab, and not at all while another tab holds the lock', async () => {
    const store = memoryStore();
    let release: () => void = () => undefined;
    const { send } = server(() => new Promise<Response>((resolve) => (release = () => resolve(json(201, { id: 'x' })))));
    const engine = new OutboxEngine({ store, send });
    engine.setUser('u1');
    await engine.enqueue(activity('A'));
    const first = engine.run();
    const second = engine.run();
    await new Promise((r) => setTimeout(r, 0));
    release();
    await Promise.all([first, second]);
    expect(send).toHaveBeenCalledTimes(1);

    const held = new OutboxEngine({ store, send, lock: async () => undefined });
    held.setUser('u1');
    await held.enqueue(activity('B'));
    expect(await held.run()).toBe('busy');
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('grows the backoff up to a minute, jittered in its upper half', () => {
    expect(backoffDelay(1, () => 0)).toBe(500);
    expect(backoffDelay(1, () => 1)).toBe(1000);
    expect(backoffDelay(3, () => 1)).toBe(4000);
    expect(backoffDelay(30, () => 1)).toBe(BACKOFF_MAX_MS);
  });

  it('builds an edit as PATCH at its version and a photo of an existing building by its id', () => {
    const base = {
      userId: 'u',
      clientId: 'k',
      fields: { name: 'N' },
      label: '',
      state: 'waiting' as const,
      attempts: 0,
      createdAt: 0,
      updatedAt: 0,
    };
    expect(requestOf({ ...base, kind: 'organization', op: 'update', recordId: 'o-1', version: 4 })).toEqual({
      method: 'PATCH',
      path: '/api/organizations/o-1',
      json: { name: 'N', version: 4 },
    });
    expect(requestOf({ ...base, kind: 'photo', op: 'upload', recordId: 'b-1', blob: new Blob(['x']) }).path).toBe(
      '/api/buildings/b-1/photos?clientId=k',
    );
  });
});
