import { lazy, Suspense } from 'react';
import type { SessionUser } from '../../lib/api/types';

const FieldModeBar = lazy(() => import('./field-mode-bar'));

/** Field mode's bar (service worker, update prompt, offline data's age), loaded after the shell. */
export function FieldModeBarLazy({ user }: { user: SessionUser }) {
  return (
    <Suspense fallback={null}>
      <FieldModeBar user={user} />
    </Suspense>
  );
}
