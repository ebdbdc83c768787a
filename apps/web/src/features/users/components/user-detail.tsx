import { canResetPassword } from '@trama/contracts';
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '../../../components/alert';
import { Loading } from '../../../components/loading';
import { PageHeading } from '../../../components/page-heading';
import { isApiRequestError } from '../../../lib/api/api-error';
import { errorMessage } from '../../../lib/api/error-message';
import { useSessionUser } from '../../../lib/auth/session';
import { useFormatters } from '../../../lib/i18n/format';
import { useUser } from '../api/get-user';
import { AssignmentsEditor } from './assignments-editor';
import { EditUserForm } from './edit-user-form';
import { ResetPasswordPanel } from './reset-password-panel';
import { UserStatusBadge } from './user-status';
import { UserStatusPanel } from './user-status-panel';

function Section({ title, children }: { title: string; children: ReactNode }) {
  const id = useId();
  return (
    <section className="panel" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

export function UserDetail({ id }: { id: string }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const query = useUser(id);
  const me = useSessionUser();

  if (query.isPending) return <Loading />;
  // Only when nothing was loaded: a failed reload (a 503 after a failed save) keeps the form and what was typed.
  if (query.isError && query.data === undefined) {
    const notFound = isApiRequestError(query.error) && query.error.status === 404;
    return (
      <div className="stack">
        <PageHeading title={notFound ? t('users.detail.notFound') : t('users.detail.failed')} />
        {notFound ? null : <Alert tone="error">{errorMessage(t, query.error)}</Alert>}
        <p>
          <Link to="/utenti">{t('users.detail.back')}</Link>
        </p>
      </div>
    );
  }
  const user = query.data;
  const none = t('common.none');

  return (
    <div className="stack">
      <p className="breadcrumb">
        <Link to="/utenti">{t('users.detail.back')}</Link>
      </p>
      <PageHeading title={user.fullName} lead={<UserStatusBadge user={user} />} />
      <Section title={t('users.detail.summary')}>
        <dl className="summary">
          <dt>{t('users.form.email')}</dt>
          <dd className="break">{user.email}</dd>
          <dt>{t('users.form.role')}</dt>
          <dd>{t(`roles.${user.role}`)}</dd>
          {user.role === 'innovator' ? (
            <>
              <dt>{t('users.form.hiredOn')}</dt>
              <dd>{user.hiredOn ? format.date(user.hiredOn) : none}</dd>
              <dt>{t('users.form.contractEnd')}</dt>
              <dd>{user.contractEnd ? format.date(user.contractEnd) : none}</dd>
              <dt>{t('users.form.municipalities')}</dt>
              <dd>{user.assignedMunicipalities.length ? user.assignedMunicipalities.map((m) => m.name).join(', ') : none}</dd>
            </>
          ) : null}
          {user.role === 'municipality' ? (
            <>
              <dt>{t('users.form.territory')}</dt>
              <dd>{user.territory ? `${t(`users.territoryKind.${user.territory.kind}`)}: ${user.territory.name}` : none}</dd>
            </>
          ) : null}
          <dt>{t('users.list.lastLogin')}</dt>
          <dd>{user.lastLoginAt ? format.dateTime(user.lastLoginAt) : t('users.list.never')}</dd>
          <dt>{t('users.detail.createdAt')}</dt>
          <dd>{format.dateTime(user.createdAt)}</dd>
        </dl>
      </Section>
      <Section title={t('users.edit.title')}>
        <EditUserForm user={user} />
      </Section>
      {user.role === 'innovator' ? (
        <Section title={t('users.assignments.title')}>
          <AssignmentsEditor user={user} />
        </Section>
      ) : null}
      <Section title={t('users.status.title')}>
        <UserStatusPanel user={user} />
      </Section>
      {canResetPassword(me, user) ? (
        <Section title={t('users.reset.title')}>
          <ResetPasswordPanel user={user} />
        </Section>
      ) : null}
    </div>
  );
}
