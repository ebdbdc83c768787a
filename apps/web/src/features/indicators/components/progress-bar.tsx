import type { IndicatorValuePoint } from '@trama/contracts';
import { useTranslation } from 'react-i18next';
import type { ValueFormat } from '../utils/format-value';

/**
 * Progress to target: a small bar and, always, the words (share and status); the bar is decoration
 * (aria-hidden), the text carries the meaning. No target: a dash and "no target".
 */
export function ProgressBar({ progress, format }: { progress: IndicatorValuePoint['progress']; format: ValueFormat }) {
  const { t } = useTranslation();
  if (!progress || progress.share === null) return <span className="muted">{t('indicators.progress.none')}</span>;
  const width = Math.max(0, Math.min(1, progress.share)) * 100;
  const status = progress.status ?? 'none';
  return (
    <span className={`progress progress--${status}`}>
      <span className="progress__track" aria-hidden="true">
        <span className="progress__fill" style={{ width: `${width}%` }} />
      </span>
      <span className="progress__text">
        {format.share(progress.share)}
        {progress.status ? ` · ${t(`indicators.progress.${progress.status}`)}` : ''}
      </span>
    </span>
  );
}
