import { useId, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/alert';
import { errorMessage } from '../../../lib/api/error-message';
import type { SessionUser } from '../../../lib/api/types';
import { useFormatters } from '../../../lib/i18n/format';
import { useEditReviewComment } from '../api/edit-review-comment';
import type { ActivityDto } from '../api/types';

type Review = NonNullable<ActivityDto['reviews']>[number];

/** The decision in force: the latest one not undone. */
function latestDecision(reviews: readonly Review[]): Review | undefined {
  return [...reviews].reverse().find((r) => r.undoneAt === null);
}

/** Its reviewer may correct the latest return (or reopen) while the activity is returned and its author has not opened it. */
function editableBy(activity: ActivityDto, user: Pick<SessionUser, 'id'>): Review | undefined {
  const latest = latestDecision(activity.reviews ?? []);
  if (!latest || latest.decision === 'approve' || activity.status !== 'returned') return undefined;
  return latest.reviewer.id === user.id && latest.seenAt === null ? latest : undefined;
}

function CommentEditor({ activity, review, onClose }: { activity: ActivityDto; review: Review; onClose: (saved: boolean) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const edit = useEditReviewComment();
  const [comment, setComment] = useState(review.comment ?? '');
  const save = () => {
    if (!comment.trim()) return;
    edit.mutate({ id: activity.id, version: activity.version, comment: comment.trim() }, { onSuccess: () => onClose(true) });
  };
  const onKey = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      save();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      onClose(false);
    }
  };
  return (
    <div className="return-box">
      <label className="field__label" htmlFor={id}>
        {t('activities.thread.editLabel')}
      </label>
      <p className="field__hint" id={`${id}-hint`}>
        {t('activities.thread.editHint')}
      </p>
      <textarea
        id={id}
        className="input input--textarea"
        rows={3}
        maxLength={2000}
        value={comment}
        aria-describedby={`${id}-hint`}
        onChange={(event) => setComment(event.target.value)}
        onKeyDown={onKey}
      />
      {edit.isError ? (
        <Alert tone="error" title={t('activities.thread.failed')}>
          {errorMessage(t, edit.error)}
        </Alert>
      ) : null}
      <div className="form__actions">
        <button type="button" className="button button--primary" disabled={edit.isPending || !comment.trim()} onClick={save}>
          {t('activities.thread.save')}
        </button>
        <button type="button" className="button button--ghost" onClick={() => onClose(false)}>
          {t('common.cancel')}
        </button>
      </div>
    </div>
  );
}

/**
 * The review thread across rounds, oldest first: each decision with its comment, reviewer and time,
 * whether it was corrected, read by the author, or undone. Its reviewer corrects the latest return
 * here until the author opens the activity.
 */
export function ReviewThread({ activity, user }: { activity: ActivityDto; user: Pick<SessionUser, 'id'> }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const headingId = useId();
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const reviews = activity.reviews ?? [];
  if (reviews.length === 0) return null;
  const editable = editableBy(activity, user);
  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('activities.thread.title')}</h2>
      {saved ? <Alert tone="success">{t('activities.thread.saved')}</Alert> : null}
      <ol className="review-thread">
        {reviews.map((review) => (
          <li key={review.id} className={`review-thread__item${review.undoneAt ? ' is-undone' : ''}`}>
            <p className="review-thread__head">
              <strong>{t(`activities.thread.decision.${review.decision}`)}</strong>
              <span className="muted"> · {t('activities.thread.round', { round: review.round })}</span>
            </p>
            {review.comment ? (
              <blockquote className="pre-wrap">{review.comment}</blockquote>
            ) : (
              <p className="muted">{t('activities.thread.noComment')}</p>
            )}
            <p className="muted">
              {t('activities.thread.by', { name: review.reviewer.fullName, when: format.dateTime(review.at) })}
              {review.editedAt ? ` · ${t('activities.thread.edited', { when: format.dateTime(review.editedAt) })}` : ''}
              {review.seenAt ? ` · ${t('activities.thread.seen', { when: format.dateTime(review.seenAt) })}` : ''}
              {review.undoneAt ? ` · ${t('activities.thread.undone', { when: format.dateTime(review.undoneAt) })}` : ''}
            </p>
            {editable?.id === review.id ? (
              editing ? (
                <CommentEditor
                  activity={activity}
                  review={review}
                  onClose={(done) => {
                    setEditing(false);
                    setSaved(done);
                  }}
                />
              ) : (
                <button
                  type="button"
                  className="button button--secondary button--small"
                  onClick={() => {
                    setSaved(false);
                    setEditing(true);
                  }}
                >
                  {t('activities.thread.edit')}
                </button>
              )
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
