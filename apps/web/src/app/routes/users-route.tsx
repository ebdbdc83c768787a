import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageHeading } from '../../components/page-heading';
import { CreateUserForm } from '../../features/users/components/create-user-form';
import { UserDetail } from '../../features/users/components/user-detail';
import { UsersList } from '../../features/users/components/users-list';

export function UsersRoute() {
  const { t } = useTranslation();
  return (
    <div className="stack">
      <PageHeading
        title={t('users.title')}
        lead={t('users.lead')}
        actions={
          <Link className="button button--primary" to="/utenti/nuovo">
            {t('users.create.link')}
          </Link>
        }
      />
      <UsersList />
    </div>
  );
}

export function CreateUserRoute() {
  const { t } = useTranslation();
  return (
    <div className="narrow stack">
      <p className="breadcrumb">
        <Link to="/utenti">{t('users.detail.back')}</Link>
      </p>
      <PageHeading title={t('users.create.title')} lead={t('users.create.lead')} />
      <CreateUserForm />
    </div>
  );
}

export function UserDetailRoute() {
  const { id = '' } = useParams();
  return (
    <div className="narrow">
      <UserDetail key={id} id={id} />
    </div>
  );
}
