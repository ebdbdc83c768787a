import { liveQuery } from 'dexie';
import { useEffect, useState, useSyncExternalStore } from 'react';
import { getAccessToken, refreshSession } from '../api/api-client';
import { ApiRequestError, isApiRequestError, NETWORK_ERROR } from '../api/api-error';
import { openOutboxDatabase, dexieOutboxStore, type OutboxDatabase } from './outbox-db';
import { OutboxEngine, type OutboxStatus } from './outbox-engine';
import { isPending, type NewOutboxItem, type OutboxError, type OutboxItem, type OutboxRequest } from './outbox-types';

/**
 * The app's outbox (docs/field-mode.md): one Dexie database per browser profile, one engine per tab.
 * Tabs share the database and take turns through the Web Locks API (`navigator.locks`): a run holds
 * the `trama-outbox` lock, a tab that finds it taken leaves the run to the holder.
 */

let database: OutboxDatabase | null = null;
let engine: OutboxEngine | null = null;

export function outboxDatabase(): OutboxDatabase {
  database ??= openOutboxDatabase();
  return database;
}

/**
 * The transport: the session's token, one refresh on a 401 (an expired access token), a multipart body
 * for a photo. Not the API client's `sessionFetch`: that one reads bodies as text for its retry, which
 * corrupts a file (docs/development.md, "Files and uploads").
 */
export async function sendOutboxRequest(request: OutboxRequest): Promise<Response> {
  const attempt = () => {
    const headers: Record<string, string> = { Accept: 'application/json' };
    const token = getAccessToken();
    if (token) headers.Authorization = `Bearer ${token}`;
    let body: BodyInit | undefined;
    if (request.json !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(request.json);
    } else if (request.file) {
      const form = new FormData();
      form.append('file', request.file.blob, request.file.name);
      body = form;
    }
    return globalThis.fetch(request.path, { method: request.method, headers, body, credentials: 'same-origin' });
  };
  const response = await attempt();
  if (response.status !== 401) return response;
  const refreshed = await refreshSession().catch(() => null);
  return refreshed ? attempt() : response;
}

/** Runs `task` under the outbox's cross-tab lock, or not at all when another tab holds it. */
function withLock(task: () => Promise<void>): Promise<void> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  if (!locks) return task();
  return locks.request('trama-outbox', { ifAvailable: true }, async (lock) => {
    if (lock) await task();
  });
}

export function outboxEngine(): OutboxEngine {
  engine ??= new OutboxEngine({ store: dexieOutboxStore(outboxDatabase()), send: sendOutboxRequest, lock: withLock });
  return engine;
}

/** Puts an item in the outbox and starts a run (which waits when offline). */
export async function enqueue(item: NewOutboxItem): Promise<number> {
  const seq = await outboxEngine().enqueue(item);
  void requestPersistentStorage();
  void outboxEngine().run();
  return seq;
}

/** Whether a failed save should go to the outbox: the server was not reached (or is away), not refused. */
export function isOfflineFailure(error: unknown): boolean {
  if (typeof navigator !== 'undefined' && navigator.onLine === false) return true;
  return isApiRequestError(error) && (error.code === NETWORK_ERROR || [502, 503, 504].includes(error.status));
}

/** The item's error as the API client's error (so the page shows the catalogue's text for its code). */
export function outboxErrorAsApiError(error: OutboxError): ApiRequestError {
  return new ApiRequestError({
    statusCode: error.status,
    error: 'Outbox',
    code: error.code,
    message: error.message,
    details: error.details?.map((d) => ({ field: d.field, messages: d.messages, codes: d.codes ?? [] })) as never,
  });
}

export type PersistenceState = 'unknown' | 'granted' | 'refused' | 'unsupported';
let persistence: PersistenceState = 'unknown';
const persistenceListeners = new Set<() => void>();

/** Asks the browser not to evict the outbox under storage pressure (once per tab); the outbox page warns when refused. */
export async function requestPersistentStorage(): Promise<PersistenceState> {
  if (persistence !== 'unknown') return persistence;
  const storage = typeof navigator !== 'undefined' ? navigator.storage : undefined;
  if (!storage?.persist) persistence = 'unsupported';
  else persistence = (await storage.persisted()) || (await storage.persist()) ? 'granted' : 'refused';
  persistenceListeners.forEach((l) => l());
  return persistence;
}

export function usePersistence(): PersistenceState {
  return useSyncExternalStore(
    (l) => {
      persistenceListeners.add(l);
      return () => persistenceListeners.delete(l);
    },
    () => persistence,
  );
}

/** The signed-in user's items, live (every tab's changes). */
export function useOutboxItems(userId: string): OutboxItem[] | undefined {
  const [items, setItems] = useState<OutboxItem[] | undefined>(undefined);
  useEffect(() => {
    const subscription = liveQuery(() => outboxDatabase().items.where('userId').equals(userId).sortBy('seq')).subscribe({
      next: setItems,
      error: () => setItems([]),
    });
    return () => subscription.unsubscribe();
  }, [userId]);
  return items;
}

/** How many of the user's items are not acknowledged yet (the header's count). */
export function useOutboxCount(userId: string): number {
  return useOutboxItems(userId)?.filter(isPending).length ?? 0;
}

export function useOutboxStatus(): OutboxStatus {
  const e = outboxEngine();
  return useSyncExternalStore(
    (l) => e.subscribe(l),
    () => e.getStatus(),
  );
}

/**
 * Runs the outbox for the signed-in user while the authenticated shell is shown: at once, on every
 * reconnection (`online`), and when the tab comes back to the foreground.
 */
export function useOutboxSync(userId: string): void {
  useEffect(() => {
    const e = outboxEngine();
    e.setUser(userId);
    void e.sendNow();
    const online = () => void e.sendNow();
    const visible = () => {
      if (document.visibilityState === 'visible') void e.run();
    };
    window.addEventListener('online', online);
    document.addEventListener('visibilitychange', visible);
    return () => {
      window.removeEventListener('online', online);
      document.removeEventListener('visibilitychange', visible);
    };
  }, [userId]);
}
