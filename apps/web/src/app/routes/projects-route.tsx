import { PROJECT_WRITER_ROLES } from '@trama/contracts';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { Alert } from '../../components/alert';
import { CsvImport } from '../../components/csv-import';
import { Loading } from '../../components/loading';
import { PageHeading } from '../../components/page-heading';
import { errorMessage } from '../../lib/api/error-message';
import { useSessionUser } from '../../lib/auth/session';
import { asMunicipalityRefs, useMunicipalities } from '../../lib/reference/municipalities';
import { BuildingPicker } from '../../features/buildings/components/building-picker';
import { InitiativePicker } from '../../features/initiatives/components/initiative-picker';
import { OrganizationPicker } from '../../features/organizations/components/organization-picker';
import { useProject, useProjectHistory } from '../../features/projects/api/get-project';
import { useDownloadProjectTemplate, useImportProjects } from '../../features/projects/api/import-projects';
import { ProgrammePage } from '../../features/projects/components/programme-page';
import { ProjectDetail } from '../../features/projects/components/project-detail';
import {
  ProjectForm,
  type ProjectLinkFieldProps,
  type ProjectOrganizationsFieldProps,
} from '../../features/projects/components/project-form';
import { ProjectList } from '../../features/projects/components/project-list';

/** The project form picks beneficiaries with the organizations feature's picker (features do not import each other)… */
const renderOrganizations = (props: ProjectOrganizationsFieldProps) => <OrganizationPicker {...props} />;
/** …and links initiatives and buildings with those features' pickers, one choice at a time. */
const renderInitiative = ({ label, onChange }: ProjectLinkFieldProps) => (
  <InitiativePicker label={label} value={null} onChange={(v) => onChange(v ? { id: v.id, name: v.title } : null)} />
);
const renderBuilding = ({ label, onChange }: ProjectLinkFieldProps) => (
  <BuildingPicker label={label} value={null} onChange={(v) => onChange(v ? { id: v.id, name: v.name } : null)} />
);

const writes = (role: string) => (PROJECT_WRITER_ROLES as readonly string[]).includes(role);

export function ProjectsRoute() {
  const { t } = useTranslation();
  const user = useSessionUser();
  return (
    <div className="stack">
      <PageHeading
        title={t('projects.title')}
        lead={t('projects.lead')}
        actions={
          <div className="project-actions">
            <Link className="button button--secondary" to="/programma">
              {t('projects.programmePage')}
            </Link>
            {writes(user.role) ? (
              <>
                <Link className="button button--secondary" to="/progetti/importa">
                  {t('projects.import.link')}
                </Link>
                <Link className="button button--primary" to="/progetti/nuovo">
                  {t('projects.new')}
                </Link>
              </>
            ) : null}
          </div>
        }
      />
      <ProjectList />
    </div>
  );
}

export function NewProjectRoute() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const municipalities = useMunicipalities({ select: asMunicipalityRefs });
  return (
    <div className="narrow stack">
      <p className="breadcrumb">
        <Link to="/progetti">{t('projects.detail.back')}</Link>
      </p>
      <PageHeading title={t('projects.form.newTitle')} />
      {municipalities.isPending ? (
        <Loading />
      ) : municipalities.isError ? (
        <Alert tone="error">{errorMessage(t, municipalities.error)}</Alert>
      ) : (
        <ProjectForm
          municipalities={municipalities.data}
          renderOrganizations={renderOrganizations}
          renderInitiative={renderInitiative}
          renderBuilding={renderBuilding}
          onDone={(saved) => void navigate(`/progetti/${saved.id}`)}
          onCancel={() => void navigate('/progetti')}
        />
      )}
    </div>
  );
}

export function EditProjectRoute() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const query = useProject(id);
  const municipalities = useMunicipalities({ select: asMunicipalityRefs });
  if (query.isPending || municipalities.isPending) return <Loading />;
  if (query.isError || municipalities.isError) return <Alert tone="error">{errorMessage(t, query.error ?? municipalities.error)}</Alert>;
  return (
    <div className="narrow stack">
      <p className="breadcrumb">
        <Link to={`/progetti/${id}`}>{query.data.code}</Link>
      </p>
      <PageHeading title={t('projects.form.editTitle')} />
      <ProjectForm
        key={query.data.id}
        project={query.data}
        municipalities={municipalities.data}
        renderOrganizations={renderOrganizations}
        renderInitiative={renderInitiative}
        renderBuilding={renderBuilding}
        onDone={(saved) => void navigate(`/progetti/${saved.id}`)}
        onCancel={() => void navigate(`/progetti/${id}`)}
      />
    </div>
  );
}

export function ProjectDetailRoute() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const user = useSessionUser();
  const query = useProject(id);
  const history = useProjectHistory(id);
  if (query.isPending) return <Loading />;
  if (query.isError && !query.data) return <Alert tone="error">{errorMessage(t, query.error)}</Alert>;
  const project = query.data;
  return (
    <div className="narrow stack">
      <p className="breadcrumb">
        <Link to="/progetti">{t('projects.detail.back')}</Link>
      </p>
      <PageHeading
        title={`${project.code} — ${project.title}`}
        actions={
          writes(user.role) ? (
            <Link className="button button--secondary" to={`/progetti/${project.id}/modifica`}>
              {t('projects.detail.edit')}
            </Link>
          ) : null
        }
      />
      <ProjectDetail key={project.id} project={project} canWrite={writes(user.role)} history={history.data} />
    </div>
  );
}

export function ProgrammeRoute() {
  const { t } = useTranslation();
  return (
    <div className="stack">
      <p className="breadcrumb">
        <Link to="/progetti">{t('projects.detail.back')}</Link>
      </p>
      <PageHeading title={t('projects.programme.title')} lead={t('projects.programme.lead')} />
      <ProgrammePage />
    </div>
  );
}

const IMPORT_FIELDS: Record<string, string> = {
  code: 'projects.fields.code',
  cup: 'projects.fields.cup',
  title: 'projects.fields.title',
  programme: 'projects.fields.programme',
  action: 'projects.fields.action',
  implementingBody: 'projects.fields.implementingBody',
  status: 'projects.fields.status',
  startDate: 'projects.fields.startDate',
  endDate: 'projects.fields.endDate',
  municipalities: 'projects.fields.municipalities',
  admitted: 'projects.fields.admitted',
  committed: 'projects.fields.committed',
  paid: 'projects.fields.paid',
  progressDate: 'projects.fields.progressDate',
};

export function ImportProjectsRoute() {
  const { t } = useTranslation();
  const template = useDownloadProjectTemplate();
  const importer = useImportProjects();
  return (
    <div className="stack">
      <p className="breadcrumb">
        <Link to="/progetti">{t('projects.detail.back')}</Link>
      </p>
      <PageHeading title={t('projects.import.title')} lead={t('projects.import.lead')} />
      <CsvImport
        texts="projects.import"
        fieldLabel={(field) => (IMPORT_FIELDS[field] ? t(IMPORT_FIELDS[field]) : field)}
        recordPath={(id) => `/progetti/${id}`}
        template={template}
        importer={importer}
      />
    </div>
  );
}
