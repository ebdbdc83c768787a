import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { PageHeading } from '../../components/page-heading';
import { ChangePasswordForm } from '../../features/auth/components/change-password-form';
import { endSession } from '../../lib/auth/session';

export function ChangePasswordRoute() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const onChanged = () => {
    endSession(queryClient);
    void navigate('/login', { replace: true, state: { notice: 'passwordChanged' } });
  };
  return (
    <div className="narrow">
      <PageHeading title={t('password.title')} lead={t('password.lead')} />
      <ChangePasswordForm onChanged={onChanged} />
    </div>
  );
}
