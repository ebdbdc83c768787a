import { useTranslation } from 'react-i18next';
import { PageHeading } from '../../components/page-heading';
import { ChangePasswordForm } from '../../features/auth/components/change-password-form';

export function ChangePasswordRoute() {
  const { t } = useTranslation();
  return (
    <div className="narrow">
      <PageHeading title={t('password.title')} lead={t('password.lead')} />
      <ChangePasswordForm />
    </div>
  );
}
