import { useTranslation } from 'react-i18next';
import type { ReuseRanked } from '../api/types';

/** A score's parts in words ("+15 condizioni buone"), the ones that moved it; the zeros on request. */
export function ScoreParts({ factors, score }: { factors: ReuseRanked['factors']; score: number }) {
  const { t } = useTranslation();
  const moving = factors.filter((f) => f.contribution !== 0);
  const still = factors.filter((f) => f.contribution === 0);
  return (
    <div className="reuse-parts">
      <ul className="reuse-parts__list" aria-label={t('reuse.partsOf', { score })}>
        {moving.map((f) => (
          <li key={f.factor} className={f.contribution > 0 ? 'reuse-parts__plus' : 'reuse-parts__minus'}>
            {f.explanation}
          </li>
        ))}
      </ul>
      {still.length > 0 ? (
        <details className="reuse-parts__zero">
          <summary>{t('reuse.zeroParts', { count: still.length })}</summary>
          <ul>
            {still.map((f) => (
              <li key={f.factor}>{f.explanation}</li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}
