import type { Role } from '@trama/contracts';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router';
import { Alert } from '../components/alert';
import { Loading } from '../components/loading';
import { errorMessage } from '../lib/api/error-message';
import { getSignOutReason, useSession, useSessionUser } from '../lib/auth/session';
import { NotFoundRoute } from './routes/not-found-route';

/** Where a user who signed in with a temporary password must go first. */
export const FORCED_CHANGE_PATH = '/cambio-password';

/** Renders the authenticated routes once the session is known; otherwise sends the user to the login page. */
export function RequireAuth() {
  const { t } = useTranslation();
  const session = useSession();
  const location = useLocation();
  if (session.isPending) {
    return (
      <div className="boot">
        <Loading label={t('session.restoring')} />
      </div>
    );
  }
  if (session.isError) {
    return (
      <div className="boot">
        <Alert tone="error" title={t('session.failed')}>
          <p>{errorMessage(t, session.error)}</p>
          <button type="button" className="button button--primary" onClick={() => void session.refetch()}>
            {t('common.retry')}
          </button>
        </Alert>
      </div>
    );
  }
  if (!session.data) {
    // Back to the page asked for after signing in, unless the user left on purpose.
    const reason = getSignOutReason();
    const from = reason === null || reason === 'expired' ? `${location.pathname}${location.search}` : undefined;
    return <Navigate to="/login" replace state={from ? { from } : null} />;
  }
  // A temporary password: nothing but the change until it is done (the server refuses the rest too).
  if (session.data.passwordChangeRequired && location.pathname !== FORCED_CHANGE_PATH) return <Navigate to={FORCED_CHANGE_PATH} replace />;
  return <Outlet />;
}

/** Pages only some roles may use: for the others they do not exist (as the API answers 404). */
export function RequireRole({ roles, children }: { roles: readonly Role[]; children?: ReactNode }) {
  const user = useSessionUser();
  if (!roles.includes(user.role)) return <NotFoundRoute />;
  return children ? <>{children}</> : <Outlet />;
}
