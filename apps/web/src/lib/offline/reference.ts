import { useQuery, useQueryClient } from '@tanstack/react-query';
import { REFERENCE_KINDS, type ReferenceKind } from '@trama/contracts';
import { useEffect } from 'react';
import { api, unwrap } from '../api/api-client';
import { isApiRequestError } from '../api/api-error';
import { dexieReferenceStore, openReferenceDatabase, type ReferenceDatabase } from './reference-db';
import { matchOfflineOrganizations, type ReferenceMeta, type ReferenceRows, syncReference } from './reference-sync';

/** A background refresh while the app stays open (besides start and reconnection). */
export const REFERENCE_REFRESH_MS = 15 * 60_000;
const DEVICE_KEY = 'trama.device-id';

let database: ReferenceDatabase | null = null;
const db = () => (database ??= openReferenceDatabase());

/** This browser's own random id: the staff-output dashboard shows the last sync per innovator over their devices. */
export function deviceId(): string {
  try {
    let id = localStorage.getItem(DEVICE_KEY);
    if (!id) {
      id = crypto.randomUUID();
      localStorage.setItem(DEVICE_KEY, id);
    }
    return id;
  } catch {
    return 'no-storage-device';
  }
}

/** One key factory for the reference data read from IndexedDB. */
export const offlineReferenceKeys = {
  all: ['offline-reference'] as const,
  kind: (kind: ReferenceKind) => ['offline-reference', kind] as const,
  meta: () => ['offline-reference', 'meta'] as const,
};

let running: Promise<ReferenceMeta> | null = null;

/** Brings the device's reference data up to date (one run at a time; a second caller shares it). */
export function refreshReference(userId: string): Promise<ReferenceMeta> {
  running ??= syncReference(
    dexieReferenceStore(db()),
    userId,
    (since) => unwrap(api.GET('/api/sync/reference', { params: { query: { ...(since ? { since } : {}), device: deviceId() } } })),
    (error) => isApiRequestError(error) && error.code === 'SYNC_CURSOR_INVALID',
  ).finally(() => {
    running = null;
  });
  return running;
}

/** Forgets the device's reference data (sign-out: the next person on this browser must not read it). */
export async function clearReference(): Promise<void> {
  await dexieReferenceStore(db()).clear();
}

/**
 * Keeps an innovator's reference data fresh in the background: at start, when the network comes
 * back, and every REFERENCE_REFRESH_MS; the offline views re-read IndexedDB after each run. A failed
 * run (no network) keeps the data as it was: its age says how old it is.
 */
export function useReferenceSync(userId: string): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    let stopped = false;
    const run = () => {
      if (!navigator.onLine) return;
      refreshReference(userId)
        .catch(() => undefined)
        .finally(() => {
          if (!stopped) void queryClient.invalidateQueries({ queryKey: offlineReferenceKeys.all });
        });
    };
    run();
    window.addEventListener('online', run);
    const timer = window.setInterval(run, REFERENCE_REFRESH_MS);
    return () => {
      stopped = true;
      window.removeEventListener('online', run);
      window.clearInterval(timer);
    };
  }, [userId, queryClient]);
}

/**
 * The device's copy of one kind of reference data (IndexedDB), for pickers and views that must work
 * offline: `useOfflineReference('organizations').data?.filter((o) => o.municipalityId === m)`.
 * It reads the device even without network (networkMode 'always').
 */
export function useOfflineReference<K extends ReferenceKind>(kind: K) {
  return useQuery({
    queryKey: offlineReferenceKeys.kind(kind),
    queryFn: async () => (await (db()[kind] as unknown as { toArray(): Promise<unknown[]> }).toArray()) as ReferenceRows[K][],
    networkMode: 'always',
    staleTime: Infinity,
  });
}

/** When the reference data was last brought up to date on this device, and how many rows of each kind it holds. */
export function useReferenceStatus() {
  return useQuery({
    queryKey: offlineReferenceKeys.meta(),
    queryFn: async () => {
      const meta = await dexieReferenceStore(db()).meta();
      const counts = Object.fromEntries(await Promise.all(REFERENCE_KINDS.map(async (k) => [k, await db()[k].count()] as const)));
      return { syncedAt: meta?.syncedAt ?? null, counts: counts as Record<ReferenceKind, number> };
    },
    networkMode: 'always',
    staleTime: Infinity,
  });
}

/** The organizations' picker without network: the device's copy, searched as the register searches names. */
export async function searchOfflineOrganizations(q: string, limit: number) {
  const [organizations, municipalities] = await Promise.all([db().organizations.toArray(), db().municipalities.toArray()]);
  return matchOfflineOrganizations(organizations, municipalities, q, limit);
}
