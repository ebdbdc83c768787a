import type {
  NewOutboxItem,
  OutboxError,
  OutboxFields,
  OutboxItem,
  OutboxKind,
  OutboxRequest,
  OutboxSend,
  OutboxStore,
} from './outbox-types';

/**
 * The outbox's sync engine (docs/field-mode.md, "Outbox and sync"), apart from IndexedDB, fetch and
 * React: it takes the store, the transport and the clock as dependencies, so its tests drive it with
 * a memory store and a scripted server.
 *
 * One run sends the signed-in user's waiting items **in their order**, one at a time, under the
 * outbox's lock (two tabs never send the same item). Each answer decides the item's next state:
 * - 2xx → `sent` (a creation keeps the id it created: its photos go to that building);
 * - 409 `*STALE_VERSION` → `conflict`, with the record as the server has it now (`theirs`);
 * - 400, 403, 404, another 409 → `rejected` with the server's error; the run goes on with the next
 *   item (those that depend on it wait);
 * - 401 (the transport could not refresh the session) → the item waits, the run stops and
 *   `authRequired` asks the user to sign in again: nothing is lost;
 * - a network failure, 408, 429 or a 5xx → the item waits and the whole run stops until the backoff
 *   (1 s, 2 s, 4 s … 60 s, jittered, counting runs in a row that got no answer at all) or a
 *   reconnection or "Invia ora".
 * An item is `sending` only while its request is out: an item found `sending` when a run starts was
 * cut off (a closed tab) and is sent again; creations and uploads carry their clientId, so the
 * server returns what the first attempt created, and an edit that did land answers 409 and is shown as
 * a conflict with itself (mine equals theirs: "tieni la mia" or "prendi la loro" both end it).
 */

export const BACKOFF_BASE_MS = 1000;
export const BACKOFF_MAX_MS = 60_000;
/** How long a sent item stays listed as a receipt. */
export const SENT_KEPT_MS = 24 * 60 * 60 * 1000;

/** The delay before the next run after `failures` failed runs in a row (full jitter on the upper half). */
export function backoffDelay(failures: number, random: () => number = Math.random): number {
  const ceiling = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, failures - 1));
  return Math.round(ceiling / 2 + (ceiling / 2) * random());
}

const COLLECTIONS: Record<Exclude<OutboxKind, 'photo'>, string> = {
  activity: '/api/activities',
  building: '/api/buildings',
  organization: '/api/organizations',
};

/** The request that sends an item (a photo needs its building's id). */
export function requestOf(item: OutboxItem, buildingId?: string): OutboxRequest {
  if (item.kind === 'photo') {
    if (!item.blob) throw new Error('outbox: a photo item without its image');
    const id = buildingId ?? item.recordId;
    return {
      method: 'POST',
      path: `/api/buildings/${id}/photos?clientId=${encodeURIComponent(item.clientId)}`,
      file: { blob: item.blob, name: item.fileName ?? 'foto.jpg' },
    };
  }
  const collection = COLLECTIONS[item.kind];
  if (item.op === 'create') return { method: 'POST', path: collection, json: { ...item.fields, clientId: item.clientId } };
  return { method: 'PATCH', path: `${collection}/${item.recordId}`, json: { ...item.fields, version: item.version } };
}

/** Where the current record of an edit is read (for a conflict's "theirs"). */
function recordPath(item: OutboxItem): string | null {
  if (item.kind === 'photo' || !item.recordId) return null;
  return `${COLLECTIONS[item.kind]}/${item.recordId}`;
}

async function errorOf(response: Response): Promise<OutboxError> {
  let body: Partial<OutboxError> & { statusCode?: number } = {};
  try {
    body = (await response.json()) as typeof body;
  } catch {
    // not the API's JSON (a proxy's page): a generic error below
  }
  return {
    status: response.status,
    code: typeof body.code === 'string' ? body.code : `HTTP_${response.status}`,
    message: typeof body.message === 'string' ? body.message : `The server answered ${response.status}`,
    ...(Array.isArray(body.details) ? { details: body.details } : {}),
  };
}

const isStale = (error: OutboxError) => error.status === 409 && error.code.endsWith('STALE_VERSION');
/** Answers that say "not now" rather than "no": sent again later. */
const isTransient = (status: number) => status === 408 || status === 429 || status >= 500;

export interface OutboxStatus {
  /** a run is sending */
  running: boolean;
  /** the session ended: sign in again, then the items go */
  authRequired: boolean;
  /** failed runs in a row (network, 5xx) */
  failures: number;
  /** when the next run starts by itself after a failure (epoch ms), or null */
  retryAt: number | null;
}

export interface EngineDeps {
  store: OutboxStore;
  send: OutboxSend;
  /** runs `task` holding the outbox's lock across tabs; resolves without running it when another tab holds it */
  lock?: (task: () => Promise<void>) => Promise<void>;
  now?: () => number;
  random?: () => number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
  newId?: () => string;
  /** true when the device knows it has no network (`navigator.onLine === false`): no run is tried then */
  isOffline?: () => boolean;
}

export type RunOutcome = 'done' | 'offline' | 'auth' | 'busy' | 'signed-out';

export class OutboxEngine {
  private userId: string | null = null;
  private current: Promise<RunOutcome> | null = null;
  /** the current run had an item acknowledged (or refused): the link works, if intermittently */
  private progressed = false;
  private timer: unknown = null;
  private status: OutboxStatus = { running: false, authRequired: false, failures: 0, retryAt: null };
  private readonly listeners = new Set<() => void>();
  private readonly now: () => number;
  private readonly random: () => number;
  private readonly setTimer: (fn: () => void, ms: number) => unknown;
  private readonly clearTimer: (timer: unknown) => void;
  private readonly lock: (task: () => Promise<void>) => Promise<void>;

  constructor(private readonly deps: EngineDeps) {
    this.now = deps.now ?? Date.now;
    this.random = deps.random ?? Math.random;
    this.setTimer = deps.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
    this.clearTimer = deps.clearTimer ?? ((t) => clearTimeout(t as ReturnType<typeof setTimeout>));
    this.lock = deps.lock ?? ((task) => task());
  }

  /** The signed-in user (null after sign-out): only their items are sent. */
  setUser(userId: string | null): void {
    if (userId !== this.userId) this.update({ authRequired: false });
    this.userId = userId;
  }

  getStatus(): OutboxStatus {
    return this.status;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Puts a new item in the outbox (state `waiting`). Returns its seq. */
  async enqueue(item: NewOutboxItem): Promise<number> {
    const at = this.now();
    return this.deps.store.add({ ...item, state: 'waiting', attempts: 0, createdAt: at, updatedAt: at });
  }

  /**
   * "Invia ora", a reconnection, a sign-in: a run now, whatever the backoff says. Concurrent calls share
   * the run in progress.
   */
  sendNow(): Promise<RunOutcome> {
    this.cancelTimer();
    return this.run();
  }

  /** One run (see the class comment). */
  run(): Promise<RunOutcome> {
    if (this.current) return this.current;
    this.current = this.runLocked().finally(() => {
      this.current = null;
      this.update({ running: false });
    });
    return this.current;
  }

  /** A conflict resolved by keeping what the user typed: resent at the server's current version. */
  async keepMine(seq: number): Promise<void> {
    await this.resolve(seq, (item) => ({ fields: item.fields }));
  }

  /** A conflict resolved field by field: `fields` are the merged values, resent at the server's version. */
  async merge(seq: number, fields: OutboxFields): Promise<void> {
    await this.resolve(seq, () => ({ fields }));
  }

  /** A conflict resolved by taking the server's version: the edit leaves the outbox. */
  async takeTheirs(seq: number): Promise<void> {
    const item = await this.deps.store.get(seq);
    if (item?.state !== 'conflict') return;
    await this.deps.store.remove(seq);
  }

  /** A rejected (or waiting) item corrected by the user: sent again with these fields. */
  async edit(seq: number, fields: OutboxFields): Promise<void> {
    const item = await this.deps.store.get(seq);
    if (!item || (item.state !== 'rejected' && item.state !== 'waiting')) return;
    await this.deps.store.patch(seq, { fields, state: 'waiting', error: undefined, updatedAt: this.now() });
  }

  /** Removes an item the user gave up (its photos too: they cannot go without it). */
  async discard(seq: number): Promise<void> {
    const item = await this.deps.store.get(seq);
    if (!item || item.state === 'sending') return;
    if (item.op === 'create' && item.kind === 'building') {
      for (const other of await this.deps.store.list(item.userId)) {
        if (other.parentClientId === item.clientId && other.state !== 'sent' && other.seq !== undefined)
          await this.deps.store.remove(other.seq);
      }
    }
    await this.deps.store.remove(seq);
  }

  private async resolve(seq: number, next: (item: OutboxItem) => Pick<OutboxItem, 'fields'>): Promise<void> {
    const item = await this.deps.store.get(seq);
    if (item?.state !== 'conflict' || !item.theirs) return;
    const version = Number(item.theirs.version);
    await this.deps.store.patch(seq, {
      ...next(item),
      version,
      state: 'waiting',
      theirs: undefined,
      error: undefined,
      updatedAt: this.now(),
    });
  }

  private async runLocked(): Promise<RunOutcome> {
    const userId = this.userId;
    if (!userId) return 'signed-out';
    // without network no request is tried (nothing would flash "in invio"); the `online` event runs it
    const offline = this.deps.isOffline ?? (() => typeof navigator !== 'undefined' && navigator.onLine === false);
    if (offline()) return 'offline';
    let outcome = 'busy' as RunOutcome;
    await this.lock(async () => {
      this.update({ running: true });
      outcome = await this.sendAll(userId);
    });
    // the backoff counts failed runs in a row: a run that got answers before failing starts it again
    if (this.progressed) this.update({ failures: 0 });
    this.progressed = false;
    if (outcome === 'done') this.update({ failures: 0, retryAt: null, authRequired: false });
    if (outcome === 'offline') this.scheduleRetry();
    if (outcome === 'auth') this.update({ authRequired: true, retryAt: null });
    return outcome;
  }

  private async sendAll(userId: string): Promise<RunOutcome> {
    const { store } = this.deps;
    const items = await store.list(userId);
    const at = this.now();
    for (const item of items) {
      if (item.state === 'sent' && item.seq !== undefined && at - (item.sentAt ?? at) > SENT_KEPT_MS) await store.remove(item.seq);
    }
    for (const listed of items) {
      if (listed.seq === undefined) continue;
      // read again: the user may have changed or discarded it since the list was read
      const item = await store.get(listed.seq);
      if (!item || (item.state !== 'waiting' && item.state !== 'sending')) continue;
      let buildingId: string | undefined;
      if (item.parentClientId) {
        const parent = await store.byClientId(userId, item.parentClientId);
        if (!parent) {
          await store.patch(item.seq as number, { state: 'rejected', error: PARENT_MISSING, updatedAt: this.now() });
          continue;
        }
        // the building is not created yet (in conflict, rejected, or failed earlier in this run): the photo waits
        if (parent.state !== 'sent' || !parent.recordId) continue;
        buildingId = parent.recordId;
      }
      const outcome = await this.sendOne(item, buildingId);
      if (outcome !== 'next') return outcome;
    }
    return 'done';
  }

  private async sendOne(item: OutboxItem, buildingId?: string): Promise<'next' | 'offline' | 'auth'> {
    const { store, send } = this.deps;
    const seq = item.seq as number;
    await store.patch(seq, { state: 'sending', attempts: item.attempts + 1, updatedAt: this.now() });
    let response: Response;
    try {
      response = await send(requestOf(item, buildingId));
    } catch {
      await store.patch(seq, { state: 'waiting', updatedAt: this.now() });
      return 'offline';
    }
    if (response.ok) {
      const body = (await response.json().catch(() => ({}))) as { id?: unknown };
      const recordId = item.kind === 'photo' ? (buildingId ?? item.recordId) : typeof body.id === 'string' ? body.id : item.recordId;
      await this.settle(item, { state: 'sent', recordId, sentAt: this.now(), error: undefined, theirs: undefined });
      return 'next';
    }
    if (response.status === 401) {
      await store.patch(seq, { state: 'waiting', updatedAt: this.now() });
      return 'auth';
    }
    if (isTransient(response.status)) {
      await store.patch(seq, { state: 'waiting', updatedAt: this.now() });
      return 'offline';
    }
    const error = await errorOf(response);
    if (isStale(error)) {
      const theirs = await this.fetchTheirs(item);
      if (theirs === 'offline') {
        await store.patch(seq, { state: 'waiting', updatedAt: this.now() });
        return 'offline';
      }
      await this.settle(item, theirs ? { state: 'conflict', theirs, error } : { state: 'rejected', error });
      return 'next';
    }
    await this.settle(item, { state: 'rejected', error });
    return 'next';
  }

  /** The record as the server has it now, or null when it cannot be read (gone: the item is rejected). */
  private async fetchTheirs(item: OutboxItem): Promise<OutboxFields | null | 'offline'> {
    const path = recordPath(item);
    if (!path) return null;
    try {
      const response = await this.deps.send({ method: 'GET', path });
      if (response.ok) return (await response.json()) as OutboxFields;
      return isTransient(response.status) || response.status === 401 ? 'offline' : null;
    } catch {
      return 'offline';
    }
  }

  /** The server answered for this item. */
  private async settle(item: OutboxItem, changes: Partial<OutboxItem>): Promise<void> {
    this.progressed = true;
    await this.deps.store.patch(item.seq as number, { ...changes, updatedAt: this.now() });
  }

  private scheduleRetry(): void {
    const failures = this.status.failures + 1;
    const delay = backoffDelay(failures, this.random);
    this.cancelTimer();
    this.timer = this.setTimer(() => {
      this.timer = null;
      void this.run();
    }, delay);
    this.update({ failures, retryAt: this.now() + delay });
  }

  private cancelTimer(): void {
    if (this.timer !== null) this.clearTimer(this.timer);
    this.timer = null;
  }

  private update(changes: Partial<OutboxStatus>): void {
    this.status = { ...this.status, ...changes };
    this.listeners.forEach((listener) => listener());
  }
}

/** A photo whose building's creation left the outbox (discarded): it has nowhere to go. */
const PARENT_MISSING: OutboxError = {
  status: 0,
  code: 'OUTBOX_PARENT_MISSING',
  message: 'The building this photo belongs to is no longer in the outbox',
};
