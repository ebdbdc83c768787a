import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import { Alert } from '../../../components/alert';
import { Loading } from '../../../components/loading';
import { PageHeading } from '../../../components/page-heading';
import { errorMessage } from '../../../lib/api/error-message';
import { useSession } from '../../../lib/auth/session';
import { usePublicTenants } from '../api/list-public-tenants';
import { LEGAL_PATHS, type LegalPageName } from '../utils/permissions';

/**
 * A page asked for without a metropolitan city (the footer before sign-in): the signed-in user's
 * city, the only one on the platform, or a list to choose from.
 */
export function TenantChoice({ page }: { page: LegalPageName }) {
  const { t } = useTranslation();
  const session = useSession();
  const own = session.data?.tenant?.istatCode;
  const tenants = usePublicTenants(!session.isPending && !own);
  const title = t(`legal.${page}.title`);
  if (own) return <Navigate to={`${LEGAL_PATHS[page]}/${own}`} replace />;
  if (session.isPending || tenants.isPending) return <Loading label={t('common.loading')} />;
  if (tenants.isError) {
    return (
      <>
        <PageHeading title={title} />
        <Alert tone="error">{errorMessage(t, tenants.error)}</Alert>
      </>
    );
  }
  if (tenants.data.length === 1) return <Navigate to={`${LEGAL_PATHS[page]}/${tenants.data[0].istatCode}`} replace />;
  return (
    <>
      <PageHeading title={title} lead={t('legal.chooseTenant')} />
      <ul className="legal__tenants">
        {tenants.data.map((tenant) => (
          <li key={tenant.istatCode}>
            <Link to={`${LEGAL_PATHS[page]}/${tenant.istatCode}`}>{tenant.name}</Link>
          </li>
        ))}
      </ul>
    </>
  );
}
