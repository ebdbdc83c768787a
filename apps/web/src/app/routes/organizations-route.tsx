import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { Alert } from '../../components/alert';
import { Loading } from '../../components/loading';
import { PageHeading } from '../../components/page-heading';
import { errorMessage } from '../../lib/api/error-message';
import { useSessionUser } from '../../lib/auth/session';
import { asMunicipalityRefs, useMunicipalities } from '../../lib/reference/municipalities';
import { useOrganization } from '../../features/organizations/api/organizations';
import { OrganizationDetail } from '../../features/organizations/components/organization-detail';
import { OrganizationForm } from '../../features/organizations/components/organization-form';
import { OrganizationImport } from '../../features/organizations/components/organization-import';
import { OrganizationList } from '../../features/organizations/components/organization-list';
import { StaleOrganizations } from '../../features/organizations/components/stale-organizations';
import { OrganizationBuildings } from '../../features/reuse/components/organization-buildings';

/** Who registers organizations (the server checks every request). */
export const ORGANIZATION_EDITOR_ROLES = ['innovator', 'coordinator'] as const;

function useEditableMunicipalities() {
  const user = useSessionUser();
  const all = useMunicipalities({ enabled: user.role !== 'innovator', select: asMunicipalityRefs });
  return user.role === 'innovator' ? user.assignedMunicipalities : (all.data ?? []);
}

export function OrganizationsRoute() {
  const { t } = useTranslation();
  const user = useSessionUser();
  const editor = (ORGANIZATION_EDITOR_ROLES as readonly string[]).includes(user.role);
  return (
    <div className="stack">
      <PageHeading
        title={t('organizations.title')}
        lead={t('organizations.lead')}
        actions={
          editor ? (
            <div className="cluster">
              <Link className="button button--primary" to="/organizzazioni/nuova">
                {t('organizations.new')}
              </Link>
              <Link className="button button--secondary" to="/organizzazioni/importa">
                {t('organizations.import.title')}
              </Link>
              <Link className="button button--secondary" to="/organizzazioni/da-verificare">
                {t('organizations.stale.title')}
              </Link>
            </div>
          ) : null
        }
      />
      <OrganizationList />
    </div>
  );
}

export function NewOrganizationRoute() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const municipalities = useEditableMunicipalities();
  return (
    <div className="narrow stack">
      <PageHeading title={t('organizations.new')} />
      <OrganizationForm
        municipalities={municipalities}
        onSaved={(o) => void navigate(`/organizzazioni/${o.id}`)}
        onQueued={() => void navigate('/in-uscita', { state: { notice: 'queued' } })}
      />
    </div>
  );
}

export function EditOrganizationRoute() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const organization = useOrganization(id);
  const municipalities = useEditableMunicipalities();
  return (
    <div className="narrow stack">
      <PageHeading title={organization.data ? t('organizations.editTitle', { name: organization.data.name }) : t('organizations.edit')} />
      {organization.isPending ? (
        <Loading />
      ) : organization.isError ? (
        <Alert tone="error">{errorMessage(t, organization.error)}</Alert>
      ) : (
        <OrganizationForm
          key={`${organization.data.id}-${organization.data.version}`}
          organization={organization.data}
          municipalities={municipalities}
          onSaved={(o) => void navigate(`/organizzazioni/${o.id}`)}
          onQueued={() => void navigate('/in-uscita', { state: { notice: 'queued' } })}
        />
      )}
    </div>
  );
}

export function OrganizationDetailRoute() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const organization = useOrganization(id);
  const user = useSessionUser();
  return (
    <div className="stack">
      <p className="breadcrumb">
        <Link to="/organizzazioni">{t('organizations.title')}</Link>
      </p>
      <PageHeading title={organization.data?.name ?? t('organizations.title')} />
      <OrganizationDetail id={id} />
      {user.role === 'admin' ? null : <OrganizationBuildings organizationId={id} />}
    </div>
  );
}

export function ImportOrganizationsRoute() {
  const { t } = useTranslation();
  return (
    <div className="stack">
      <p className="breadcrumb">
        <Link to="/organizzazioni">{t('organizations.title')}</Link>
      </p>
      <PageHeading title={t('organizations.import.title')} lead={t('organizations.import.lead')} />
      <OrganizationImport />
    </div>
  );
}

export function StaleOrganizationsRoute() {
  const { t } = useTranslation();
  return (
    <div className="stack">
      <p className="breadcrumb">
        <Link to="/organizzazioni">{t('organizations.title')}</Link>
      </p>
      <PageHeading title={t('organizations.stale.title')} lead={t('organizations.stale.lead')} />
      <StaleOrganizations />
    </div>
  );
}
