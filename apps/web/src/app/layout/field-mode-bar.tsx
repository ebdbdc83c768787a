import { lazy, Suspense, useEffect } from 'react';
import { UpdatePrompt } from '../../components/update-prompt';
import type { SessionUser } from '../../lib/api/types';
import { registerServiceWorker } from '../../lib/offline/service-worker';

// IndexedDB (Dexie) and the sync only load for innovators: not in the login bundle.
const FieldStatus = lazy(() => import('./field-status'));

/**
 * Under the header (loaded lazily by the shell, after sign-in: the login page's weight is untouched):
 * registers the service worker (the app offline from then on), "nuova versione disponibile" for
 * everyone, and for innovators the offline data's age (field mode).
 */
export default function FieldModeBar({ user }: { user: SessionUser }) {
  useEffect(() => {
    if (import.meta.env.PROD) registerServiceWorker();
  }, []);
  return (
    <>
      <UpdatePrompt />
      {user.role === 'innovator' ? (
        <Suspense fallback={null}>
          <FieldStatus userId={user.id} />
        </Suspense>
      ) : null}
    </>
  );
}
