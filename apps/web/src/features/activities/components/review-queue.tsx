import type { ActivityDto } from '../api/types';
import { UndoNotice, type ReviewDone } from './undo-notice';
import { useCallback, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert, LiveRegion } from '../../../components/alert';
import { Loading } from '../../../components/loading';
import { errorMessage } from '../../../lib/api/error-message';
import { useFormatters } from '../../../lib/i18n/format';
import { useReviewDecision, useReviewQueue, type ReviewDecision } from '../api/review-queue';
import '../activities.css';

const EXCERPT = 280;

function excerpt(text: string | null): string | null {
  if (!text) return null;
  return text.length > EXCERPT ? `${text.slice(0, EXCERPT).trimEnd()}…` : text;
}

/** Keys typed into a field belong to the field. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

interface ReviewItemProps {
  activity: ActivityDto;
  current: boolean;
  returning: boolean;
  busy: boolean;
  itemRef: (element: HTMLElement | null) => void;
  onFocus: () => void;
  onApprove: () => void;
  onOpenReturn: () => void;
  onCloseReturn: () => void;
  onReturn: (comment: string) => void;
}

function ReviewItem({
  activity,
  current,
  returning,
  busy,
  itemRef,
  onFocus,
  onApprove,
  onOpenReturn,
  onCloseReturn,
  onReturn,
}: ReviewItemProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const titleId = useId();
  const commentId = useId();
  const [comment, setComment] = useState('');
  const [missing, setMissing] = useState(false);
  const commentRef = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    if (returning) commentRef.current?.focus();
  }, [returning]);

  const send = () => {
    if (!comment.trim()) {
      setMissing(true);
      commentRef.current?.focus();
      return;
    }
    onReturn(comment.trim());
  };
  const onCommentKey = (event: ReactKeyboardEvent<HTMLTextAreaElement>) => {
    // Enter starts a new line (a comment is prose); Ctrl/⌘+Enter sends, as the button does; Escape closes the box.
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && !event.nativeEvent.isComposing) {
      event.preventDefault();
      send();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      onCloseReturn();
    }
  };

  const description = excerpt(activity.description);
  const outcomes = excerpt(activity.outcomes);
  const followUps = excerpt(activity.followUps);
  return (
    <article
      ref={itemRef}
      tabIndex={-1}
      className={`activity-card activity-card--submitted review-item${current ? ' is-current' : ''}`}
      aria-labelledby={titleId}
      onFocus={onFocus}
    >
      <div className="activity-card__head">
        <h2 className="activity-card__title" id={titleId}>
          <Link to={`/attivita/${activity.id}`}>{activity.title ?? t('activities.untitled')}</Link>
        </h2>
        <span className="muted">{t('activities.review.submittedOn', { when: format.dateTime(activity.submittedAt) })}</span>
      </div>
      <ul className="activity-card__meta">
        <li>{format.date(activity.date)}</li>
        <li>{activity.municipality.name}</li>
        {activity.type ? <li>{t(`vocab.activityType.${activity.type}`)}</li> : null}
        {activity.durationMinutes !== null ? (
          <li>{t('activities.form.minutes', { count: activity.durationMinutes, formatted: format.integer(activity.durationMinutes) })}</li>
        ) : null}
        {activity.participants ? (
          <li>
            {t('activities.fields.participantsCount', {
              count: activity.participants.total,
              formatted: format.integer(activity.participants.total),
            })}
          </li>
        ) : null}
        <li>{activity.author.fullName}</li>
      </ul>
      {description ? <p className="review-item__body pre-wrap">{description}</p> : null}
      {outcomes ? (
        <p className="review-item__body pre-wrap">
          <strong>{t('activities.fields.outcomes')}:</strong> {outcomes}
        </p>
      ) : null}
      {followUps ? (
        <p className="review-item__body pre-wrap">
          <strong>{t('activities.fields.followUps')}:</strong> {followUps}
        </p>
      ) : null}
      {activity.themes.length ? (
        <p className="review-item__body muted">{activity.themes.map((theme) => t(`vocab.theme.${theme}`)).join(' · ')}</p>
      ) : null}
      <div className="review-item__actions">
        <button
          type="button"
          className="button button--primary"
          disabled={busy}
          onClick={onApprove}
          aria-describedby={titleId}
          aria-keyshortcuts="Shift+A"
        >
          {t('activities.actions.approve')}
        </button>
        <button
          type="button"
          className="button button--secondary"
          disabled={busy}
          aria-expanded={returning}
          aria-describedby={titleId}
          aria-keyshortcuts="Shift+R"
          onClick={returning ? onCloseReturn : onOpenReturn}
        >
          {t('activities.actions.return')}
        </button>
      </div>
      {returning ? (
        <div className="return-box">
          <label className="field__label" htmlFor={commentId}>
            {t('activities.review.commentRequired')}
          </label>
          <p className="field__hint" id={`${commentId}-hint`}>
            {t('activities.review.commentKeys')}
          </p>
          <textarea
            ref={commentRef}
            id={commentId}
            className="input input--textarea"
            rows={3}
            maxLength={2000}
            value={comment}
            aria-invalid={missing || undefined}
            aria-describedby={`${commentId}-hint${missing ? ` ${commentId}-error` : ''}`}
            onChange={(event) => {
              setComment(event.target.value);
              setMissing(false);
            }}
            onKeyDown={onCommentKey}
          />
          {missing ? (
            <p className="field__error" id={`${commentId}-error`}>
              {t('validation.commentRequired')}
            </p>
          ) : null}
          <div className="form__actions">
            <button type="button" className="button button--primary" disabled={busy} onClick={send}>
              {t('activities.actions.sendReturn')}
            </button>
            <button type="button" className="button button--ghost" onClick={onCloseReturn}>
              {t('common.cancel')}
            </button>
          </div>
        </div>
      ) : null}
    </article>
  );
}

export function Shortcuts() {
  const { t } = useTranslation();
  // Open where there is a keyboard-sized screen; folded on a phone, where they are of little use.
  const [open, setOpen] = useState(() => typeof window.matchMedia !== 'function' || window.matchMedia('(min-width: 600px)').matches);
  return (
    <details className="panel shortcuts" open={open} onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>{t('activities.review.shortcuts.title')}</summary>
      <dl>
        <dt>
          <kbd>j</kbd> / <kbd>↓</kbd>
        </dt>
        <dd>{t('activities.review.shortcuts.next')}</dd>
        <dt>
          <kbd>k</kbd> / <kbd>↑</kbd>
        </dt>
        <dd>{t('activities.review.shortcuts.previous')}</dd>
        <dt>
          <kbd>{t('activities.review.shortcuts.keyApprove')}</kbd>
        </dt>
        <dd>{t('activities.review.shortcuts.approve')}</dd>
        <dt>
          <kbd>{t('activities.review.shortcuts.keyReturn')}</kbd>
        </dt>
        <dd>{t('activities.review.shortcuts.return')}</dd>
        <dt>
          <kbd>{t('activities.review.shortcuts.keySend')}</kbd>
        </dt>
        <dd>{t('activities.review.shortcuts.send')}</dd>
        <dt>
          <kbd>Esc</kbd>
        </dt>
        <dd>{t('activities.review.shortcuts.cancel')}</dd>
      </dl>
      <p className="field__hint">{t('activities.review.shortcuts.note')}</p>
    </details>
  );
}

/**
 * The coordinators' queue: submitted activities, oldest submission first. Approve, or return with a comment, in
 * one or two keystrokes; the item leaves the queue at once and the outcome is announced.
 */
export function ReviewQueue() {
  const { t } = useTranslation();
  const format = useFormatters();
  const queue = useReviewQueue();
  const decide = useReviewDecision();
  const items = useMemo(() => queue.data?.items ?? [], [queue.data]);
  const [currentId, setCurrentId] = useState<string | null>(null);
  const [returningId, setReturningId] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [failure, setFailure] = useState<{ title: string; error: unknown } | null>(null);
  const [done, setDone] = useState<ReviewDone | null>(null);
  /** after a decision: the position whose item takes focus once the list has changed */
  const focusAt = useRef<number | null>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const emptyRef = useRef<HTMLParagraphElement>(null);
  const elements = useRef(new Map<string, HTMLElement>());

  const index = Math.max(
    0,
    items.findIndex((item) => item.id === currentId),
  );
  const current = items[index] as ActivityDto | undefined;

  const focusItem = useCallback((activity: ActivityDto | undefined) => {
    if (!activity) return;
    setCurrentId(activity.id);
    elements.current.get(activity.id)?.focus();
  }, []);

  // The decided item has left the list: focus the one now in its place (its onFocus makes it current).
  useEffect(() => {
    const position = focusAt.current;
    if (position === null) return;
    focusAt.current = null;
    if (items.length === 0) emptyRef.current?.focus();
    else elements.current.get(items[Math.min(position, items.length - 1)].id)?.focus();
  }, [items]);

  const decideOn = useCallback(
    (decision: ReviewDecision) => {
      const position = items.findIndex((item) => item.id === decision.activity.id);
      const title = decision.activity.title ?? t('activities.untitled');
      setFailure(null);
      setDone(null);
      setReturningId(null);
      setAnnouncement('');
      decide.mutate(decision, {
        onSuccess: (activity) => {
          setDone({ activity, action: decision.action });
          const remaining = Math.max(0, items.length - 1);
          setAnnouncement(
            `${t(decision.action === 'approve' ? 'activities.review.approvedNotice' : 'activities.review.returnedNotice', { title })} ${t('activities.review.remaining', { count: remaining, formatted: format.integer(remaining) })}`,
          );
        },
        onError: (error) => {
          setFailure({ title, error });
          setAnnouncement('');
        },
      });
      focusAt.current = position;
    },
    [decide, items, t, format],
  );

  // j/k and Shift+A/Shift+R work anywhere on the page except while typing; the arrows only inside the queue (elsewhere they
  // scroll). A decision needs Shift: a stray single key never approves or returns anything.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
      if (items.length === 0 || decide.isPending) return;
      const inQueue = listRef.current?.contains(event.target as Node) ?? false;
      const key = event.shiftKey ? event.key.toUpperCase() : event.key;
      if (key === 'j' || (key === 'ArrowDown' && inQueue)) {
        event.preventDefault();
        focusItem(items[currentId === null && !inQueue ? 0 : Math.min(index + 1, items.length - 1)]);
      } else if (key === 'k' || (key === 'ArrowUp' && inQueue)) {
        event.preventDefault();
        focusItem(items[Math.max(index - 1, 0)]);
      } else if (key === 'A' && event.shiftKey && current) {
        event.preventDefault();
        decideOn({ activity: current, action: 'approve' });
      } else if (key === 'R' && event.shiftKey && current) {
        event.preventDefault();
        setCurrentId(current.id);
        setReturningId(current.id);
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [items, index, current, currentId, decide.isPending, focusItem, decideOn]);

  return (
    <div className="stack">
      <Shortcuts />
      <LiveRegion message={announcement} />
      {done ? <UndoNotice key={`${done.activity.id}:${done.activity.version}`} done={done} onUndone={() => setAnnouncement('')} /> : null}
      {failure ? (
        <Alert tone="error" title={t('activities.review.failed', { title: failure.title })}>
          {errorMessage(t, failure.error)}
        </Alert>
      ) : null}
      {queue.isPending ? (
        <Loading />
      ) : queue.isError ? (
        <Alert tone="error" title={t('activities.review.loadFailed')}>
          {errorMessage(t, queue.error)}
        </Alert>
      ) : items.length === 0 ? (
        <p ref={emptyRef} tabIndex={-1} className="notice-anchor">
          {t('activities.review.empty')}
        </p>
      ) : (
        <>
          <p className="result-count">
            {t('activities.review.count', { count: queue.data.total, formatted: format.integer(queue.data.total) })}
          </p>
          <ul className="activity-list" ref={listRef} aria-label={t('activities.review.listLabel')}>
            {items.map((activity) => (
              <li key={activity.id}>
                <ReviewItem
                  activity={activity}
                  current={activity.id === current?.id}
                  returning={returningId === activity.id}
                  busy={decide.isPending}
                  itemRef={(element) => {
                    if (element) elements.current.set(activity.id, element);
                    else elements.current.delete(activity.id);
                  }}
                  onFocus={() => setCurrentId(activity.id)}
                  onApprove={() => decideOn({ activity, action: 'approve' })}
                  onOpenReturn={() => {
                    setCurrentId(activity.id);
                    setReturningId(activity.id);
                  }}
                  onCloseReturn={() => {
                    setReturningId(null);
                    focusItem(activity);
                  }}
                  onReturn={(comment) => decideOn({ activity, action: 'return', comment })}
                />
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
