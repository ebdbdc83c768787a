import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { Alert } from '../../components/alert';
import { Loading } from '../../components/loading';
import { PageHeading } from '../../components/page-heading';
import { errorMessage } from '../../lib/api/error-message';
import { useSessionUser } from '../../lib/auth/session';
import { asMunicipalityRefs, useMunicipalities } from '../../lib/reference/municipalities';
import { useInitiative } from '../../features/initiatives/api/get-initiative';
import { InitiativeDetail } from '../../features/initiatives/components/initiative-detail';
import { InitiativeForm, type InitiativeOrganizationsFieldProps } from '../../features/initiatives/components/initiative-form';
import { InitiativeList } from '../../features/initiatives/components/initiative-list';
import { canCreateInitiatives, canEditInitiative } from '../../features/initiatives/utils/permissions';
import { OrganizationPicker } from '../../features/organizations/components/organization-picker';

/** The initiative form picks organizations with the organizations feature's picker (features do not import each other). */
const renderOrganizations = (props: InitiativeOrganizationsFieldProps) => <OrganizationPicker {...props} />;

export function InitiativesRoute() {
  const { t } = useTranslation();
  const user = useSessionUser();
  return (
    <div className="stack">
      <PageHeading
        title={t('initiatives.title')}
        lead={t('initiatives.lead')}
        actions={
          canCreateInitiatives(user.role) ? (
            <Link className="button button--primary" to="/iniziative/nuova">
              {t('initiatives.new')}
            </Link>
          ) : null
        }
      />
      <InitiativeList />
    </div>
  );
}

function useMainMunicipalities() {
  const user = useSessionUser();
  const all = useMunicipalities({ select: asMunicipalityRefs });
  return { all, main: user.role === 'innovator' ? user.assignedMunicipalities : (all.data ?? []) };
}

export function NewInitiativeRoute() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { all, main } = useMainMunicipalities();
  return (
    <div className="narrow stack">
      <p className="breadcrumb">
        <Link to="/iniziative">{t('initiatives.detail.back')}</Link>
      </p>
      <PageHeading title={t('initiatives.form.newTitle')} />
      {all.isPending ? (
        <Loading />
      ) : all.isError ? (
        <Alert tone="error">{errorMessage(t, all.error)}</Alert>
      ) : (
        <InitiativeForm
          municipalities={all.data}
          mainMunicipalities={main}
          renderOrganizations={renderOrganizations}
          onDone={(saved) => void navigate(`/iniziative/${saved.id}`)}
          onCancel={() => void navigate('/iniziative')}
        />
      )}
    </div>
  );
}

export function EditInitiativeRoute() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const user = useSessionUser();
  const query = useInitiative(id);
  const { all, main } = useMainMunicipalities();
  if (query.isPending || all.isPending) return <Loading />;
  if (query.isError || all.isError) return <Alert tone="error">{errorMessage(t, query.error ?? all.error)}</Alert>;
  return (
    <div className="narrow stack">
      <p className="breadcrumb">
        <Link to={`/iniziative/${id}`}>{query.data.title}</Link>
      </p>
      <PageHeading title={t('initiatives.form.editTitle')} />
      {canEditInitiative(user, query.data) ? (
        <InitiativeForm
          key={query.data.id}
          initiative={query.data}
          municipalities={all.data}
          mainMunicipalities={main}
          renderOrganizations={renderOrganizations}
          onDone={(saved) => void navigate(`/iniziative/${saved.id}`)}
          onCancel={() => void navigate(`/iniziative/${id}`)}
        />
      ) : (
        <Alert tone="info">{t('errors.INITIATIVE_NOT_EDITABLE')}</Alert>
      )}
    </div>
  );
}

export function InitiativeDetailRoute() {
  const { id = '' } = useParams();
  return (
    <div className="narrow">
      <InitiativeDetail key={id} id={id} />
    </div>
  );
}
