import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../../lib/i18n/format';
import { useReuseStatus } from '../api/ranking';

/** The background recompute of the scores: a progress bar while it runs, when it last ended otherwise (a live region). */
export function ReuseProgress() {
  const { t } = useTranslation();
  const format = useFormatters();
  const status = useReuseStatus();
  const s = status.data;
  if (!s) return null;
  const running = s.status === 'running' || s.stale;
  return (
    <div className="reuse-progress" role="status" aria-live="polite">
      {running ? (
        <>
          <span>
            {s.total
              ? t('reuse.progress.running', { done: format.integer(s.done ?? 0), total: format.integer(s.total) })
              : t('reuse.progress.queued')}
          </span>
          <progress max={s.total ?? 1} value={s.total ? (s.done ?? 0) : undefined} aria-label={t('reuse.progress.label')} />
        </>
      ) : s.status === 'failed' ? (
        <span>{t('reuse.progress.failed')}</span>
      ) : (
        <span className="muted">
          {t('reuse.progress.done', { seconds: format.number((s.durationMs ?? 0) / 1000) })}
        </span>
      )}
    </div>
  );
}
