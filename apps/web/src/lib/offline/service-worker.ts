import { registerSW } from 'virtual:pwa-register';
import { setServiceWorkerState } from './service-worker-state';

/** How often an open app asks whether a new build was deployed. */
const UPDATE_CHECK_MS = 60 * 60_000;

/**
 * Registers the Workbox service worker (sw.js, built by vite-plugin-pwa: it precaches the app
 * shell). A new build waits until the user accepts it (`UpdatePrompt`): a reload under a half-typed
 * form is never forced. Called by the shell's lazy FieldModeBar once signed in (not in the login bundle).
 */
let registered = false;

export function registerServiceWorker(): void {
  if (registered || !('serviceWorker' in navigator)) return;
  registered = true;
  const update = registerSW({
    immediate: true,
    onNeedRefresh: () => setServiceWorkerState({ needRefresh: true, update: () => update(true) }),
    onRegisteredSW: (_url, registration) => {
      if (!registration) return;
      setInterval(() => {
        if (navigator.onLine) registration.update().catch(() => undefined);
      }, UPDATE_CHECK_MS);
    },
  });
}
