import { PARTICIPANT_GROUPS } from '@trama/contracts';
import type { ActivityDto } from '../api/types';
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '../../../components/alert';
import { Loading } from '../../../components/loading';
import { PageHeading } from '../../../components/page-heading';
import { isApiRequestError } from '../../../lib/api/api-error';
import { errorMessage } from '../../../lib/api/error-message';
import { useSessionUser } from '../../../lib/auth/session';
import { useFormatters } from '../../../lib/i18n/format';
import { useActivity } from '../api/get-activity';
import { isEditable } from '../utils/permissions';
import { formatCoordinate } from '../utils/coordinates';
import '../activities.css';
import { ActivityActions, type ActionDone } from './activity-actions';
import { ActivityAttachments } from './activity-attachments';
import { ActivityHistory } from './activity-history';
import { ActivityPointMap } from './activity-point-map';
import { DraftActions } from './draft-actions';
import { ReviewComment } from './review-comment';
import { ReviewThread } from './review-thread';
import { StatusBadge } from './status-badge';
import { UndoNotice, type ReviewDone } from './undo-notice';

export type DetailNotice = ActionDone | 'saved';

function Section({ title, children }: { title: string; children: ReactNode }) {
  const id = useId();
  return (
    <section className="panel" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

function Text({ value }: { value: string | null | undefined }) {
  const { t } = useTranslation();
  return value ? <dd className="pre-wrap">{value}</dd> : <dd className="muted">{t('common.none')}</dd>;
}

function Summary({ activity }: { activity: ActivityDto }) {
  const { t, i18n } = useTranslation();
  const format = useFormatters();
  const p = activity.participants;
  const groups = p ? PARTICIPANT_GROUPS.filter((g) => typeof p[g] === 'number') : [];
  const toComplete = <span className="muted">{t('activities.toComplete')}</span>;
  return (
    <dl className="summary">
      <dt>{t('activities.fields.status')}</dt>
      <dd>
        <StatusBadge status={activity.status} />
      </dd>
      <dt>{t('activities.fields.type')}</dt>
      <dd>{activity.type ? t(`vocab.activityType.${activity.type}`) : toComplete}</dd>
      <dt>{t('activities.fields.date')}</dt>
      <dd>{format.date(activity.date)}</dd>
      <dt>{t('activities.fields.municipality')}</dt>
      <dd>
        {activity.municipality.name}
        {activity.socialArea ? <span className="muted"> · {activity.socialArea.name}</span> : null}
      </dd>
      <dt>{t('activities.fields.duration')}</dt>
      <dd>
        {activity.durationMinutes !== null
          ? t('activities.form.minutes', { count: activity.durationMinutes, formatted: format.integer(activity.durationMinutes) })
          : toComplete}
      </dd>
      <dt>{t('activities.fields.participants')}</dt>
      <dd>
        {p ? t('activities.fields.participantsCount', { count: p.total, formatted: format.integer(p.total) }) : toComplete}
        {p && groups.length ? (
          <ul className="plain-list">
            {groups.map((g) => (
              <li key={g}>
                {t(`vocab.participantGroup.${g}`)}: {format.integer(p[g] ?? 0)}
              </li>
            ))}
          </ul>
        ) : null}
      </dd>
      <dt>{t('activities.fields.themes')}</dt>
      <dd>{activity.themes.length ? activity.themes.map((th) => t(`vocab.theme.${th}`)).join(', ') : t('common.none')}</dd>
      <dt>{t('activities.fields.organizations')}</dt>
      <dd>{activity.organizations.length ? activity.organizations.map((o) => o.name).join(', ') : t('common.none')}</dd>
      {activity.initiative ? (
        <>
          <dt>{t('activities.fields.initiative')}</dt>
          <dd>
            <Link to={`/iniziative/${activity.initiative.id}`}>{activity.initiative.title}</Link>
          </dd>
        </>
      ) : null}
      <dt>{t('activities.fields.location')}</dt>
      <dd>
        {activity.location
          ? t('activities.fields.coordinates', {
              lat: formatCoordinate(activity.location.lat, i18n.language),
              lon: formatCoordinate(activity.location.lon, i18n.language),
            })
          : t('common.none')}
      </dd>
      <dt>{t('activities.fields.author')}</dt>
      <dd>{activity.author.fullName}</dd>
      {activity.submittedAt ? (
        <>
          <dt>{t('activities.fields.submittedAt')}</dt>
          <dd>{format.dateTime(activity.submittedAt)}</dd>
        </>
      ) : null}
      {activity.reviewedAt ? (
        <>
          <dt>{t('activities.fields.reviewedAt')}</dt>
          <dd>
            {format.dateTime(activity.reviewedAt)}
            {activity.reviewedBy ? ` · ${activity.reviewedBy.fullName}` : ''}
          </dd>
        </>
      ) : null}
    </dl>
  );
}

export function ActivityDetail({ id, notice: initialNotice }: { id: string; notice?: DetailNotice }) {
  const { t } = useTranslation();
  const user = useSessionUser();
  const query = useActivity(id);
  const [notice, setNotice] = useState<DetailNotice | undefined>(initialNotice);
  const [reviewDone, setReviewDone] = useState<ReviewDone | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);

  // After an action the button that was pressed may be gone: focus the outcome, which is also announced.
  const loaded = query.isSuccess;
  useEffect(() => {
    if (notice && loaded) noticeRef.current?.focus();
  }, [notice, loaded]);

  if (query.isPending) return <Loading />;
  if (query.isError) {
    const notFound = isApiRequestError(query.error) && query.error.status === 404;
    return (
      <div className="stack">
        <PageHeading title={notFound ? t('activities.detail.notFound') : t('activities.detail.failed')} />
        {notFound ? <p>{t('activities.detail.notFoundLead')}</p> : <Alert tone="error">{errorMessage(t, query.error)}</Alert>}
        <p>
          <Link to="/attivita">{t('activities.detail.back')}</Link>
        </p>
      </div>
    );
  }
  const activity = query.data;
  const showNotes = activity.internalNotes !== undefined && user.role !== 'municipality';

  return (
    <div className="stack">
      <p className="breadcrumb">
        <Link to="/attivita">{t('activities.detail.back')}</Link>
      </p>
      <PageHeading title={activity.title ?? t('activities.untitled')} lead={<StatusBadge status={activity.status} />} />
      <div ref={noticeRef} tabIndex={-1} className="notice-anchor">
        {reviewDone ? (
          <UndoNotice
            key={`${reviewDone.activity.id}:${reviewDone.activity.version}`}
            done={reviewDone}
            onUndone={() => noticeRef.current?.focus()}
          />
        ) : notice ? (
          <Alert tone="success">{t(`activities.notices.${notice}`)}</Alert>
        ) : null}
      </div>
      <ReviewComment activity={activity} />
      <ActivityActions
        activity={activity}
        user={user}
        onDone={(what, done) => {
          setNotice(what);
          setReviewDone(
            what === 'approved' || what === 'returned' ? { activity: done, action: what === 'approved' ? 'approve' : 'return' } : null,
          );
        }}
      />
      <DraftActions activity={activity} user={user} />
      <Section title={t('activities.detail.summary')}>
        <Summary activity={activity} />
      </Section>
      <ActivityPointMap activity={activity} />
      <Section title={t('activities.detail.report')}>
        <dl className="summary">
          <dt>{t('activities.fields.description')}</dt>
          <Text value={activity.description} />
          <dt>{t('activities.fields.outcomes')}</dt>
          <Text value={activity.outcomes} />
          <dt>{t('activities.fields.followUps')}</dt>
          <Text value={activity.followUps} />
          {showNotes ? (
            <>
              <dt>{t('activities.fields.internalNotes')}</dt>
              <Text value={activity.internalNotes} />
            </>
          ) : null}
        </dl>
      </Section>
      <ReviewThread activity={activity} user={user} />
      {user.role !== 'municipality' ? (
        <Section title={t('activities.attachments.title')}>
          <ActivityAttachments activityId={activity.id} canEdit={activity.author.id === user.id && isEditable(activity.status)} />
        </Section>
      ) : null}
      {user.role !== 'municipality' ? (
        <Section title={t('activities.history.title')}>
          <ActivityHistory id={activity.id} />
        </Section>
      ) : null}
    </div>
  );
}
