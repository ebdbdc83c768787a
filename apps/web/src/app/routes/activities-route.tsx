import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { Alert } from '../../components/alert';
import { Loading } from '../../components/loading';
import { PageHeading } from '../../components/page-heading';
import { isApiRequestError } from '../../lib/api/api-error';
import { errorMessage } from '../../lib/api/error-message';
import { useSessionUser } from '../../lib/auth/session';
import { useActivity } from '../../features/activities/api/get-activity';
import { ActivityDetail, type DetailNotice } from '../../features/activities/components/activity-detail';
import {
  ActivityForm,
  type ActivityFormOutcome,
  type BuildingFieldProps,
  type InitiativeFieldProps,
  type OrganizationsFieldProps,
} from '../../features/activities/components/activity-form';
import { ActivityList } from '../../features/activities/components/activity-list';
import { LeaveGuard } from '../../features/activities/components/leave-guard';
import { ReviewQueue } from '../../features/activities/components/review-queue';
import { todayIso } from '../../features/activities/utils/dates';
import { canLogActivities, isEditable } from '../../features/activities/utils/permissions';
import { BuildingPicker } from '../../features/buildings/components/building-picker';
import { InitiativePicker } from '../../features/initiatives/components/initiative-picker';
import { OrganizationPicker } from '../../features/organizations/components/organization-picker';

/** The activity form picks organizations with the organizations feature's picker (features do not import each other). */
const renderOrganizations = (props: OrganizationsFieldProps) => <OrganizationPicker {...props} />;
/** …and links an initiative with the initiatives feature's picker. */
const renderInitiative = (props: InitiativeFieldProps) => <InitiativePicker {...props} />;
/** …and the building where it took place with the buildings feature's picker. */
const renderBuilding = (props: BuildingFieldProps) => <BuildingPicker {...props} />;

/** After a save that went to the outbox (offline): the outbox page says so. */
function useAfterQueue() {
  const navigate = useNavigate();
  return () => void navigate('/in-uscita', { state: { notice: 'queued' } });
}

function useAfterSave() {
  const navigate = useNavigate();
  return (id: string, outcome: ActivityFormOutcome) =>
    void navigate(`/attivita/${id}`, { state: { notice: outcome satisfies DetailNotice } });
}

export function ActivitiesRoute() {
  const { t } = useTranslation();
  const user = useSessionUser();
  const location = useLocation();
  const deleted = (location.state as { notice?: string } | null)?.notice === 'deleted';
  return (
    <div className="stack">
      <PageHeading
        title={t('activities.title')}
        lead={t(`activities.lead.${user.role}`)}
        actions={
          canLogActivities(user.role) ? (
            <Link className="button button--primary" to="/attivita/nuova">
              {t('activities.new')}
            </Link>
          ) : null
        }
      />
      {deleted ? <Alert tone="success">{t('activities.draftActions.deleted')}</Alert> : null}
      <ActivityList />
    </div>
  );
}

export function NewActivityRoute() {
  const { t } = useTranslation();
  const user = useSessionUser();
  const afterSave = useAfterSave();
  const afterQueue = useAfterQueue();
  const [dirty, setDirty] = useState(false);
  return (
    <div className="narrow stack">
      <LeaveGuard dirty={dirty} />
      <p className="breadcrumb">
        <Link to="/attivita">{t('activities.detail.back')}</Link>
      </p>
      <PageHeading title={t('activities.form.newTitle')} />
      {user.assignedMunicipalities.length === 0 ? (
        <Alert tone="warning">{t('activities.form.noMunicipalities')}</Alert>
      ) : (
        <ActivityForm
          municipalities={user.assignedMunicipalities}
          defaultDate={todayIso()}
          renderOrganizations={renderOrganizations}
          renderInitiative={renderInitiative}
          renderBuilding={renderBuilding}
          onDone={(activity, outcome) => afterSave(activity.id, outcome)}
          onQueued={afterQueue}
          onDirtyChange={setDirty}
        />
      )}
    </div>
  );
}

export function EditActivityRoute() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const user = useSessionUser();
  const query = useActivity(id);
  const afterSave = useAfterSave();
  const afterQueue = useAfterQueue();
  const [dirty, setDirty] = useState(false);
  const back = (
    <p className="breadcrumb">
      <Link to={`/attivita/${id}`}>{t('activities.form.backToActivity')}</Link>
    </p>
  );
  if (query.isPending) return <Loading />;
  // Only when nothing was loaded: a failed reload (a 503 after a failed save) keeps the form and what was typed.
  if (query.isError && query.data === undefined) {
    const notFound = isApiRequestError(query.error) && query.error.status === 404;
    return (
      <div className="narrow stack">
        <PageHeading title={notFound ? t('activities.detail.notFound') : t('activities.detail.failed')} />
        {notFound ? null : <Alert tone="error">{errorMessage(t, query.error)}</Alert>}
        <p>
          <Link to="/attivita">{t('activities.detail.back')}</Link>
        </p>
      </div>
    );
  }
  const activity = query.data;
  const editable = activity.author.id === user.id && isEditable(activity.status);
  return (
    <div className="narrow stack">
      <LeaveGuard dirty={dirty} />
      {back}
      <PageHeading title={t('activities.form.editTitle')} lead={activity.title ?? t('activities.untitled')} />
      {editable ? (
        <ActivityForm
          key={activity.id}
          activity={activity}
          municipalities={user.assignedMunicipalities}
          defaultDate={activity.date}
          renderOrganizations={renderOrganizations}
          renderInitiative={renderInitiative}
          renderBuilding={renderBuilding}
          onDone={(saved, outcome) => afterSave(saved.id, outcome)}
          onQueued={afterQueue}
          onDirtyChange={setDirty}
        />
      ) : (
        <Alert tone="info">{t('activities.form.notEditable', { status: t(`vocab.activityStatus.${activity.status}`) })}</Alert>
      )}
    </div>
  );
}

export function ActivityDetailRoute() {
  const { id = '' } = useParams();
  const location = useLocation();
  const notice = (location.state as { notice?: DetailNotice } | null)?.notice;
  return (
    <div className="narrow">
      <ActivityDetail key={`${id}:${location.key}`} id={id} notice={notice} />
    </div>
  );
}

export function ReviewRoute() {
  const { t } = useTranslation();
  return (
    <div className="narrow stack">
      <PageHeading title={t('activities.review.title')} lead={t('activities.review.lead')} />
      <ReviewQueue />
    </div>
  );
}
