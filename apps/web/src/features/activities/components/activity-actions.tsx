import type { ActivityDto } from '../api/types';
import type { SessionUser } from '../../../lib/api/types';
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '../../../components/alert';
import { errorMessage } from '../../../lib/api/error-message';
import { isApiRequestError } from '../../../lib/api/api-error';
import { useApproveActivity } from '../api/approve-activity';
import { useReopenActivity } from '../api/reopen-activity';
import { useReturnActivity } from '../api/return-activity';
import { useSubmitActivity } from '../api/submit-activity';
import { allowedActions } from '../utils/permissions';

export type ActionDone = 'submitted' | 'approved' | 'returned' | 'reopened';

interface ActivityActionsProps {
  activity: ActivityDto;
  user: Pick<SessionUser, 'id' | 'role'>;
  /** `activity`: the activity as the move left it (the undo of an approve or return sends its version) */
  onDone: (what: ActionDone, activity: ActivityDto) => void;
}

/** The moves the user may make on the activity now: edit, submit; approve, return with a comment, reopen. */
export function ActivityActions({ activity, user, onDone }: ActivityActionsProps) {
  const { t } = useTranslation();
  const actions = allowedActions(activity, user);
  const submit = useSubmitActivity();
  const approve = useApproveActivity();
  const giveBack = useReturnActivity();
  const reopen = useReopenActivity();
  const [commentFor, setCommentFor] = useState<'return' | 'reopen' | null>(null);
  const [comment, setComment] = useState('');
  const [commentError, setCommentError] = useState(false);
  const commentRef = useRef<HTMLTextAreaElement>(null);
  const commentId = useId();
  const pending = submit.isPending || approve.isPending || giveBack.isPending || reopen.isPending;
  const error = submit.error ?? approve.error ?? giveBack.error ?? reopen.error;

  useEffect(() => {
    if (commentFor) commentRef.current?.focus();
  }, [commentFor]);

  if (actions.length === 0) return null;
  const base = { id: activity.id, version: activity.version };
  const reset = () => [submit, approve, giveBack, reopen].forEach((m) => m.reset());

  const sendComment = () => {
    if (commentFor === 'return') {
      if (!comment.trim()) {
        setCommentError(true);
        commentRef.current?.focus();
        return;
      }
      giveBack.mutate({ ...base, comment: comment.trim() }, { onSuccess: (done) => onDone('returned', done) });
    } else if (commentFor === 'reopen') {
      reopen.mutate({ ...base, ...(comment.trim() ? { comment: comment.trim() } : {}) }, { onSuccess: (done) => onDone('reopened', done) });
    }
  };
  // Enter starts a new line; Ctrl/⌘+Enter sends, as the button does.
  const onCommentKey = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && !event.nativeEvent.isComposing) {
      event.preventDefault();
      sendComment();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      setCommentFor(null);
    }
  };

  return (
    <div className="stack-tight">
      {error ? (
        <Alert tone="error" title={t('activities.actions.failed')}>
          {isApiRequestError(error) && error.status === 409 ? t('activities.actions.changedMeanwhile') : errorMessage(t, error)}
        </Alert>
      ) : null}
      <div className="activity-actions">
        {actions.includes('edit') ? (
          <Link className="button button--secondary" to={`/attivita/${activity.id}/modifica`}>
            {t('activities.actions.edit')}
          </Link>
        ) : null}
        {actions.includes('submit') ? (
          <button
            type="button"
            className="button button--primary"
            disabled={pending}
            onClick={() => {
              reset();
              submit.mutate(base, { onSuccess: (done) => onDone('submitted', done) });
            }}
          >
            {t('activities.actions.submit')}
          </button>
        ) : null}
        {actions.includes('approve') ? (
          <button
            type="button"
            className="button button--primary"
            disabled={pending}
            onClick={() => {
              reset();
              approve.mutate(base, { onSuccess: (done) => onDone('approved', done) });
            }}
          >
            {t('activities.actions.approve')}
          </button>
        ) : null}
        {actions.includes('return') ? (
          <button
            type="button"
            className="button button--secondary"
            aria-expanded={commentFor === 'return'}
            disabled={pending}
            onClick={() => {
              reset();
              setCommentFor('return');
            }}
          >
            {t('activities.actions.return')}
          </button>
        ) : null}
        {actions.includes('reopen') ? (
          <button
            type="button"
            className="button button--secondary"
            aria-expanded={commentFor === 'reopen'}
            disabled={pending}
            onClick={() => {
              reset();
              setCommentFor('reopen');
            }}
          >
            {t('activities.actions.reopen')}
          </button>
        ) : null}
      </div>
      {commentFor ? (
        <div className="return-box">
          <label className="field__label" htmlFor={commentId}>
            {commentFor === 'return' ? t('activities.review.commentRequired') : t('activities.review.commentOptional')}
          </label>
          <p className="field__hint" id={`${commentId}-hint`}>
            {t('activities.review.commentKeys')}
          </p>
          <textarea
            ref={commentRef}
            id={commentId}
            className="input input--textarea"
            rows={3}
            value={comment}
            maxLength={2000}
            aria-invalid={commentError || undefined}
            aria-describedby={`${commentId}-hint${commentError ? ` ${commentId}-error` : ''}`}
            onChange={(e) => {
              setComment(e.target.value);
              setCommentError(false);
            }}
            onKeyDown={onCommentKey}
          />
          {commentError ? (
            <p className="field__error" id={`${commentId}-error`}>
              {t('validation.commentRequired')}
            </p>
          ) : null}
          <div className="form__actions">
            <button type="button" className="button button--primary" disabled={pending} onClick={sendComment}>
              {commentFor === 'return' ? t('activities.actions.sendReturn') : t('activities.actions.confirmReopen')}
            </button>
            <button type="button" className="button button--ghost" onClick={() => setCommentFor(null)}>
              {t('common.cancel')}
            </button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
