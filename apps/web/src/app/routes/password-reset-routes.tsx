import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Alert } from '../../components/alert';
import { PageHeading } from '../../components/page-heading';
import { ForgotPasswordForm } from '../../features/auth/components/forgot-password-form';
import { ResetPasswordForm } from '../../features/auth/components/reset-password-form';
import { endSession } from '../../lib/auth/session';

const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** "Password dimenticata?": the e-mail to send a link to. */
export function ForgotPasswordRoute() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <div className="card card--login">
      <PageHeading title={t('forgotPassword.title')} lead={t('forgotPassword.lead')} />
      <ForgotPasswordForm onSent={() => void navigate('/password-dimenticata/inviata', { replace: true })} />
      <p className="form__aside">
        <Link to="/login">{t('forgotPassword.backToLogin')}</Link>
      </p>
    </div>
  );
}

/** The same answer for every address: it says what happens if the address is of an account. */
export function ForgotPasswordSentRoute() {
  const { t } = useTranslation();
  return (
    <div className="card card--login">
      <PageHeading title={t('forgotPassword.sentTitle')} />
      <Alert tone="info">{t('forgotPassword.sent')}</Alert>
      <p>{t('forgotPassword.sentHint')}</p>
      <p className="form__aside">
        <Link to="/login">{t('forgotPassword.backToLogin')}</Link>
      </p>
    </div>
  );
}

/**
 * The page of the e-mailed link (`?token=…`). The token is sent to no one else: the server's
 * Referrer-Policy is no-referrer, and the page loads nothing from other origins.
 */
export function ResetPasswordRoute() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const token = params.get('token') ?? '';
  const onDone = () => {
    // Every session of the user ended on the server; this browser forgets its own too.
    endSession(queryClient, 'passwordReset');
    void navigate('/login', { replace: true });
  };
  return (
    <div className="card card--login">
      <PageHeading title={t('resetPassword.title')} lead={TOKEN.test(token) ? t('resetPassword.lead') : undefined} />
      {TOKEN.test(token) ? (
        <ResetPasswordForm token={token} onDone={onDone} />
      ) : (
        <Alert tone="error" title={t('resetPassword.badLinkTitle')}>
          <p>{t('resetPassword.badLink')}</p>
          <p>
            <Link to="/password-dimenticata">{t('resetPassword.askAgain')}</Link>
          </p>
        </Alert>
      )}
    </div>
  );
}
