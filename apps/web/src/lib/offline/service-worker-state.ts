import { useSyncExternalStore } from 'react';

/**
 * The service worker's news for the UI (no Workbox code here: this file is in the first bundle,
 * `service-worker.ts` is loaded after the first render). `update` activates the waiting build and reloads.
 */
interface ServiceWorkerState {
  needRefresh: boolean;
  update: (() => Promise<void>) | null;
}

let state: ServiceWorkerState = { needRefresh: false, update: null };
const listeners = new Set<() => void>();

export function setServiceWorkerState(next: Partial<ServiceWorkerState>): void {
  state = { ...state, ...next };
  for (const listener of listeners) listener();
}

export function useServiceWorkerState(): ServiceWorkerState {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => state,
  );
}
