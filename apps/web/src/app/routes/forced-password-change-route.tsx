import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate } from 'react-router';
import { PageHeading } from '../../components/page-heading';
import { login } from '../../features/auth/api/login';
import { useLogout } from '../../features/auth/api/logout';
import { ChangePasswordForm } from '../../features/auth/components/change-password-form';
import { endSession, startSession, useSessionUser } from '../../lib/auth/session';

/**
 * After a sign-in with a temporary password: the change comes first (every other page sends here,
 * every other API route answers 403 PASSWORD_CHANGE_REQUIRED). The change ends every session, so
 * the page signs in again with the new password and goes home.
 */
export function ForcedPasswordChangeRoute() {
  const { t } = useTranslation();
  const user = useSessionUser();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const logout = useLogout();
  if (!user.passwordChangeRequired) return <Navigate to="/" replace />;

  const onChanged = (newPassword: string) => {
    login({ email: user.email, password: newPassword })
      .then((response) => {
        startSession(queryClient, response);
        void navigate('/', { replace: true });
      })
      .catch(() => endSession(queryClient, 'passwordChanged'));
  };

  return (
    <div className="card card--login">
      <PageHeading title={t('forcedPassword.title')} lead={t('forcedPassword.lead', { name: user.fullName })} />
      <ChangePasswordForm onChanged={onChanged} />
      <p className="form__aside">
        <button type="button" className="link-button" onClick={() => logout.mutate()} disabled={logout.isPending}>
          {t('forcedPassword.signOut')}
        </button>
      </p>
    </div>
  );
}
