import type { UserDto } from '../api/types';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/alert';
import { errorMessage } from '../../../lib/api/error-message';
import { useResetPassword } from '../api/reset-password';
import { TemporaryPassword } from './temporary-password';

export function ResetPasswordPanel({ user }: { user: UserDto }) {
  const { t } = useTranslation();
  const reset = useResetPassword(user.id);
  const [confirming, setConfirming] = useState(false);

  if (reset.isSuccess) {
    return (
      <div className="stack">
        <Alert tone="success">{t('users.reset.done', { name: user.fullName })}</Alert>
        <TemporaryPassword value={reset.data.temporaryPassword} />
        <p>
          <button type="button" className="button button--secondary" onClick={() => reset.reset()}>
            {t('users.reset.hide')}
          </button>
        </p>
      </div>
    );
  }
  return (
    <div className="stack">
      <p>{t('users.reset.explain')}</p>
      {reset.isError ? (
        <Alert tone="error" title={t('users.reset.failed')}>
          {errorMessage(t, reset.error)}
        </Alert>
      ) : null}
      {confirming ? (
        <div className="confirm" role="group" aria-label={t('users.reset.confirmLabel')}>
          <p>{t('users.reset.confirm', { name: user.fullName })}</p>
          <div className="form__actions">
            <button
              type="button"
              className="button button--danger"
              disabled={reset.isPending}
              onClick={() => reset.mutate(undefined, { onSettled: () => setConfirming(false) })}
            >
              {reset.isPending ? t('common.saving') : t('users.reset.confirmYes')}
            </button>
            <button type="button" className="button button--secondary" onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </div>
      ) : (
        <button type="button" className="button button--secondary" onClick={() => setConfirming(true)}>
          {t('users.reset.button')}
        </button>
      )}
    </div>
  );
}
