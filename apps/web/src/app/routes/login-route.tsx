import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { Alert } from '../../components/alert';
import { Loading } from '../../components/loading';
import { PageHeading } from '../../components/page-heading';
import { LoginForm } from '../../features/auth/components/login-form';
import { getSignOutReason, useSession } from '../../lib/auth/session';

function destination(state: unknown): string {
  const from = (state as { from?: unknown } | null)?.from;
  return typeof from === 'string' && from.startsWith('/') && !from.startsWith('//') && !from.startsWith('/login') ? from : '/';
}

function SignOutNotice() {
  const { t } = useTranslation();
  switch (getSignOutReason()) {
    case 'passwordChanged':
      return <Alert tone="success">{t('login.passwordChanged')}</Alert>;
    case 'passwordReset':
      return <Alert tone="success">{t('login.passwordReset')}</Alert>;
    case 'expired':
      return <Alert tone="info">{t('login.sessionExpired')}</Alert>;
    case 'signedOut':
      return <Alert tone="info">{t('login.signedOut')}</Alert>;
    default:
      return null;
  }
}

export function LoginRoute() {
  const { t } = useTranslation();
  const session = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  if (session.data) return <Navigate to={destination(location.state)} replace />;
  // The heading paints with the first render (a phone's largest paint), the form once the server
  // has said whether a session survives (a signed-in visitor goes on without seeing it).
  return (
    <div className="card card--login">
      <PageHeading title={t('login.title')} lead={t('login.lead')} />
      {session.isPending ? (
        <Loading label={t('session.restoring')} />
      ) : (
        <>
          <SignOutNotice />
          <LoginForm onSuccess={() => void navigate(destination(location.state), { replace: true })} />
        </>
      )}
    </div>
  );
}
