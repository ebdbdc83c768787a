import type { UserDto } from '../api/types';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/alert';
import { errorMessage } from '../../../lib/api/error-message';
import { useSessionUser } from '../../../lib/auth/session';
import { useFormatters } from '../../../lib/i18n/format';
import { useUpdateUser } from '../api/update-user';
import { isConflict } from './conflict';
import { userStatus } from './user-status';

/** Deactivate (with a confirmation step) or reactivate a user. */
export function UserStatusPanel({ user }: { user: UserDto }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const me = useSessionUser();
  const update = useUpdateUser(user.id);
  const [confirming, setConfirming] = useState(false);
  const [done, setDone] = useState('');
  const status = userStatus(user);

  const setActive = (active: boolean) => {
    setDone('');
    update.mutate(
      { version: user.version, active },
      {
        onSuccess: () => {
          setConfirming(false);
          setDone(active ? t('users.status.reactivated') : t('users.status.deactivated'));
        },
      },
    );
  };

  return (
    <div className="stack">
      <p>{t(`users.status.describe.${status}`, { until: user.lockedUntil ? format.dateTime(user.lockedUntil) : '' })}</p>
      {done ? <Alert tone="success">{done}</Alert> : null}
      {update.isError ? (
        <Alert tone="error" title={isConflict(update.error) ? t('common.conflictTitle') : t('users.status.failed')}>
          {isConflict(update.error) ? t('common.conflict') : errorMessage(t, update.error)}
        </Alert>
      ) : null}
      {user.id === me.id ? (
        <p className="muted">{t('users.status.self')}</p>
      ) : user.active ? (
        confirming ? (
          <div className="confirm" role="group" aria-label={t('users.status.confirmLabel')}>
            <p>{t('users.status.confirmDeactivate', { name: user.fullName })}</p>
            <div className="form__actions">
              <button type="button" className="button button--danger" onClick={() => setActive(false)} disabled={update.isPending}>
                {t('users.status.confirmYes')}
              </button>
              <button type="button" className="button button--secondary" onClick={() => setConfirming(false)}>
                {t('common.cancel')}
              </button>
            </div>
          </div>
        ) : (
          <button type="button" className="button button--danger" onClick={() => setConfirming(true)}>
            {t('users.status.deactivate')}
          </button>
        )
      ) : (
        <button type="button" className="button button--primary" onClick={() => setActive(true)} disabled={update.isPending}>
          {t('users.status.reactivate')}
        </button>
      )}
    </div>
  );
}
