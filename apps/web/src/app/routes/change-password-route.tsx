import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { PageHeading } from '../../components/page-heading';
import { ChangePasswordForm } from '../../features/auth/components/change-password-form';
import { endSession } from '../../lib/auth/session';

export function ChangePasswordRoute() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  // The server has ended every session: the login page says why.
  const onChanged = () => endSession(queryClient, 'passwordChanged');
  return (
    <div className="narrow">
      <PageHeading title={t('password.title')} lead={t('password.lead')} />
      <ChangePasswordForm onChanged={onChanged} />
    </div>
  );
}
