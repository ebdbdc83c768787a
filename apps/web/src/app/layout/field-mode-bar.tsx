import { lazy, Suspense } from 'react';
import { UpdatePrompt } from '../../components/update-prompt';
import type { SessionUser } from '../../lib/api/types';

// IndexedDB (Dexie) and the sync only load for innovators, after the shell: not in the login bundle.
const FieldStatus = lazy(() => import('./field-status'));

/** Under the header: "nuova versione disponibile" for everyone; for innovators the offline data's age (field mode). */
export function FieldModeBar({ user }: { user: SessionUser }) {
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
