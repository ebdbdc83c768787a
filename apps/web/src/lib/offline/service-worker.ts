import { registerSW } from 'virtual:pwa-register';
import { setServiceWorkerState } from './service-worker-state';

/** How often an open app asks whether a new build was deployed. */
const UPDATE_CHECK_MS = 60 * 60_000;

/**
 * Registers the Workbox service worker (sw.js, built by vite-plugin-pwa: it precaches the app
 * shell). A new build waits until the user accepts it (`UpdatePrompt`): a reload under a half-typed
 * form is never forced. Loaded with `import()` after the first render (not in the login bundle).
 */
export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator)) return;
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
