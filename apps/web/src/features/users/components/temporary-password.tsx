import { useTranslation } from 'react-i18next';
import { CopyButton } from '../../../components/copy-button';

/** A temporary password, shown once: it is never stored in the cache nor shown again. */
export function TemporaryPassword({ value }: { value: string }) {
  const { t } = useTranslation();
  return (
    <div className="secret" role="group" aria-labelledby="temporary-password-label">
      <p id="temporary-password-label" className="secret__label">
        {t('users.temporaryPassword.label')}
      </p>
      <p className="secret__value">
        <code data-secret>{value}</code>
      </p>
      <CopyButton value={value} label={t('users.temporaryPassword.copy')} />
      <p className="field__hint">{t('users.temporaryPassword.hint')}</p>
    </div>
  );
}
