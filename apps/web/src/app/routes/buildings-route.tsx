import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { Alert } from '../../components/alert';
import { Loading } from '../../components/loading';
import { PageHeading } from '../../components/page-heading';
import { errorMessage } from '../../lib/api/error-message';
import { useSessionUser } from '../../lib/auth/session';
import { asMunicipalityRefs, useMunicipalities } from '../../lib/reference/municipalities';
import { useBuilding } from '../../features/buildings/api/get-building';
import { BuildingDetail } from '../../features/buildings/components/building-detail';
import { BuildingForm } from '../../features/buildings/components/building-form';
import { BuildingImport } from '../../features/buildings/components/building-import';
import { BuildingList } from '../../features/buildings/components/building-list';
import { ExpiringList, StaleList } from '../../features/buildings/components/building-watch-lists';
import type { OrganizationFieldProps } from '../../features/buildings/components/stage-actions';
import { OrganizationPicker } from '../../features/organizations/components/organization-picker';
import { BuildingMatches } from '../../features/reuse/components/building-matches';
import { buildingKeys } from '../../features/buildings/api/building-keys';
import { useQueryClient } from '@tanstack/react-query';

/** The assignment dialog picks the assignee with the organizations feature's picker (features do not import each other). */
const renderOrganization = (props: OrganizationFieldProps) => <OrganizationPicker {...props} />;

const mayMap = (role: string) => role === 'innovator' || role === 'coordinator' || role === 'admin';

/** Where the caller may map buildings: an innovator's assigned municipalities; a coordinator's whole tenant. */
function useMappableMunicipalities() {
  const user = useSessionUser();
  const all = useMunicipalities({ enabled: user.role !== 'innovator', select: asMunicipalityRefs });
  return user.role === 'innovator' ? user.assignedMunicipalities : (all.data ?? []);
}

export function BuildingsRoute() {
  const { t } = useTranslation();
  const user = useSessionUser();
  return (
    <div className="stack">
      <PageHeading
        title={t('buildings.title')}
        lead={t('buildings.lead')}
        actions={
          <div className="form__actions">
            <Link className="button button--secondary" to="/immobili/scadenze">
              {t('buildings.expiring.title')}
            </Link>
            <Link className="button button--secondary" to="/immobili/da-verificare">
              {t('buildings.stale.title')}
            </Link>
            {user.role === 'innovator' || user.role === 'coordinator' ? (
              <Link className="button button--secondary" to="/immobili/importa">
                {t('buildings.import.link')}
              </Link>
            ) : null}
            {mayMap(user.role) ? (
              <Link className="button button--primary" to="/immobili/nuovo">
                {t('buildings.new')}
              </Link>
            ) : null}
          </div>
        }
      />
      <BuildingList />
    </div>
  );
}

export function NewBuildingRoute() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const municipalities = useMappableMunicipalities();
  return (
    <div className="narrow stack">
      <p className="breadcrumb">
        <Link to="/immobili">{t('buildings.back')}</Link>
      </p>
      <PageHeading title={t('buildings.form.newTitle')} />
      {municipalities.length === 0 ? (
        <Alert tone="warning">{t('buildings.form.noMunicipalities')}</Alert>
      ) : (
        <BuildingForm
          municipalities={municipalities}
          onDone={(b) => void navigate(`/immobili/${b.id}`)}
          onQueued={() => void navigate('/in-uscita', { state: { notice: 'queued' } })}
        />
      )}
    </div>
  );
}

export function EditBuildingRoute() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const building = useBuilding(id);
  const municipalities = useMappableMunicipalities();
  return (
    <div className="narrow stack">
      <p className="breadcrumb">
        <Link to={`/immobili/${id}`}>{t('buildings.detail.backToBuilding')}</Link>
      </p>
      <PageHeading title={t('buildings.form.editTitle')} />
      {building.isPending ? <Loading /> : null}
      {building.isError && !building.data ? <Alert tone="error">{errorMessage(t, building.error)}</Alert> : null}
      {building.data ? (
        <BuildingForm
          building={building.data}
          municipalities={municipalities}
          onDone={(b) => void navigate(`/immobili/${b.id}`)}
          onQueued={() => void navigate('/in-uscita', { state: { notice: 'queued' } })}
        />
      ) : null}
    </div>
  );
}

export function BuildingDetailRoute() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const building = useBuilding(id);
  const user = useSessionUser();
  const queryClient = useQueryClient();
  return (
    <div className="stack">
      <p className="breadcrumb">
        <Link to="/immobili">{t('buildings.back')}</Link>
      </p>
      {building.isPending ? <Loading /> : null}
      {building.isError && !building.data ? <Alert tone="error">{errorMessage(t, building.error)}</Alert> : null}
      {building.data ? (
        <>
          <PageHeading title={building.data.name} />
          <BuildingDetail building={building.data} renderOrganization={renderOrganization} />
          {user.role === 'admin' ? null : (
            <BuildingMatches buildingId={id} onProposed={() => void queryClient.invalidateQueries({ queryKey: buildingKeys.detail(id) })} />
          )}
        </>
      ) : null}
    </div>
  );
}

export function ExpiringBuildingsRoute() {
  const { t } = useTranslation();
  return (
    <div className="stack">
      <p className="breadcrumb">
        <Link to="/immobili">{t('buildings.back')}</Link>
      </p>
      <PageHeading title={t('buildings.expiring.title')} lead={t('buildings.expiring.lead')} />
      <ExpiringList />
    </div>
  );
}

export function StaleBuildingsRoute() {
  const { t } = useTranslation();
  return (
    <div className="stack">
      <p className="breadcrumb">
        <Link to="/immobili">{t('buildings.back')}</Link>
      </p>
      <PageHeading title={t('buildings.stale.title')} lead={t('buildings.stale.lead')} />
      <StaleList />
    </div>
  );
}

export function ImportBuildingsRoute() {
  const { t } = useTranslation();
  return (
    <div className="stack">
      <p className="breadcrumb">
        <Link to="/immobili">{t('buildings.back')}</Link>
      </p>
      <PageHeading title={t('buildings.import.title')} lead={t('buildings.import.lead')} />
      <BuildingImport />
    </div>
  );
}
