import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../../lib/i18n/format';
import { isRecomputing, useCollaborationStatus } from '../api/weights';

/**
 * The state of the stored suggestions: current, or being recomputed with a progress bar (the status
 * is asked every second while a recompute is queued or running; when it ends the lists reload).
 */
export function RecomputeStatus() {
  const { t } = useTranslation();
  const format = useFormatters();
  const status = useCollaborationStatus();
  const progressId = useId();
  const s = status.data;
  if (!s) return null;
  const percent = new Intl.NumberFormat(format.locale, { style: 'percent', maximumFractionDigits: 0 }).format(s.progress);
  return (
    <section className="collab-status" aria-label={t('collaborations.status.label')} data-state={s.state}>
      {isRecomputing(s) ? (
        <>
          <label htmlFor={progressId} className="field__label">
            {s.state === 'pending' ? t('collaborations.status.pending') : t('collaborations.status.running', { percent })}
          </label>
          <progress id={progressId} className="collab-status__bar" max={1} value={s.progress} aria-valuetext={percent}>
            {percent}
          </progress>
        </>
      ) : s.state === 'failed' ? (
        <p role="alert" className="alert alert--error">
          {t('collaborations.status.failed')}
        </p>
      ) : (
        <p role="status">
          {s.finishedAt
            ? t('collaborations.status.idleAt', {
                date: format.dateTime(s.finishedAt),
                duration: t('collaborations.status.seconds', { value: format.number((s.durationMs ?? 0) / 1000) }),
              })
            : t('collaborations.status.idle')}
        </p>
      )}
    </section>
  );
}
