import { ACTIVITY_UNDO_OFFER_SECONDS } from '@trama/contracts';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/alert';
import { errorMessage } from '../../../lib/api/error-message';
import { useUndoReview } from '../api/undo-review';
import type { ActivityDto } from '../api/types';

export interface ReviewDone {
  /** the activity as the decision left it (its version is what the undo sends) */
  activity: ActivityDto;
  action: 'approve' | 'return';
}

/**
 * The confirmation after an approve or a return: a visible message in a live region (announced), with
 * an "Undo" button for ACTIVITY_UNDO_OFFER_SECONDS. The server decides for real (same reviewer, its
 * window, the author has not acted); a refusal is shown here.
 */
export function UndoNotice({ done, onUndone }: { done: ReviewDone; onUndone: (activity: ActivityDto) => void }) {
  const { t } = useTranslation();
  const undo = useUndoReview();
  const [offered, setOffered] = useState(true);
  const [undone, setUndone] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const title = done.activity.title ?? t('activities.untitled');

  useEffect(() => {
    // Kept while the button has focus or the pointer: nobody loses the undo under their finger.
    const timer = window.setInterval(() => {
      const button = buttonRef.current;
      if (button && (button === document.activeElement || button.matches(':hover'))) return;
      setOffered(false);
    }, ACTIVITY_UNDO_OFFER_SECONDS * 1000);
    return () => window.clearInterval(timer);
  }, [done]);

  const message = undone
    ? t('activities.undo.done', { title })
    : t(done.action === 'approve' ? 'activities.undo.approved' : 'activities.undo.returned', { title });
  return (
    <div className="undo-notice">
      <Alert tone={undone ? 'info' : 'success'}>
        <p>{message}</p>
        {offered && !undone ? (
          <div className="form__actions">
            <button
              ref={buttonRef}
              type="button"
              className="button button--secondary button--small"
              disabled={undo.isPending}
              onClick={() =>
                undo.mutate(
                  { id: done.activity.id, version: done.activity.version },
                  {
                    onSuccess: (activity) => {
                      setUndone(true);
                      onUndone(activity);
                    },
                  },
                )
              }
            >
              {undo.isPending ? t('activities.undo.undoing') : t('activities.undo.button')}
            </button>
            <span className="field__hint">{t('activities.undo.hint')}</span>
          </div>
        ) : null}
        {undo.isError ? (
          <p className="field__error">
            {t('activities.undo.failed')}: {errorMessage(t, undo.error)}
          </p>
        ) : null}
      </Alert>
    </div>
  );
}
