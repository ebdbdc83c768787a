import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormatters } from '../../../lib/i18n/format';
import type { Suggestion } from '../api/types';

interface SuggestionCardProps {
  suggestion: Suggestion;
  onAccept?: (suggestion: Suggestion) => void;
  onDismiss?: (suggestion: Suggestion) => void;
  accepting?: boolean;
  /** the link that narrows the list to one organization */
  organizationHref: (organizationId: string) => string;
}

/**
 * One suggested pair: the two organizations, the score out of 100 and each reason with its points
 * (the reasons add up to the score), and the decisions the user may take.
 */
export function SuggestionCard({ suggestion, onAccept, onDismiss, accepting = false, organizationHref }: SuggestionCardProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const [first, second] = suggestion.organizations;
  const score = format.number(suggestion.score);
  const names = { first: first.name, second: second.name };
  return (
    <article className="collab-card" data-suggestion={suggestion.id}>
      <div className="collab-card__head">
        <h2 className="collab-card__title">{t('collaborations.card.title', names)}</h2>
        <p className="collab-card__score">
          <span className="sr-only">{t('collaborations.card.score')}: </span>
          <strong>{t('collaborations.card.scoreValue', { score })}</strong>
          <span className="collab-bar" aria-hidden="true">
            <span className="collab-bar__fill" style={{ width: `${Math.max(0, Math.min(100, suggestion.score))}%` }} />
          </span>
        </p>
      </div>
      <ul className="collab-card__orgs">
        {suggestion.organizations.map((o) => (
          <li key={o.id}>
            <Link to={`/organizzazioni/${o.id}`}>{o.name}</Link>
            <span className="muted">
              {' · '}
              {t(`vocab.organizationKind.${o.kind}`)} · {o.municipality.name}
            </span>
            {' · '}
            <Link className="collab-card__only" to={organizationHref(o.id)}>
              {t('collaborations.card.onlyThis', { name: o.name })}
            </Link>
          </li>
        ))}
      </ul>
      <h3 className="collab-card__subtitle">{t('collaborations.card.reasons')}</h3>
      <ul className="collab-reasons">
        {suggestion.reasons.map((reason, index) => (
          <li key={`${reason.code}-${index}`} className="collab-reason" data-factor={reason.factor}>
            <span className="collab-reason__points" aria-hidden="true">
              <span className="collab-bar collab-bar--small">
                <span className="collab-bar__fill" style={{ width: `${Math.max(0, Math.min(100, reason.contribution))}%` }} />
              </span>
            </span>
            <span>{reason.text}</span>
          </li>
        ))}
      </ul>
      <p className="muted collab-card__total">{t('collaborations.card.reasonsTotal', { score })}</p>
      {onAccept || onDismiss ? (
        <div className="collab-actions" role="group" aria-label={t('collaborations.card.actions', names)}>
          {onAccept ? (
            <button type="button" className="button button--primary" disabled={accepting} onClick={() => onAccept(suggestion)}>
              {accepting ? t('collaborations.card.accepting') : t('collaborations.card.accept')}
            </button>
          ) : null}
          {onDismiss ? (
            <button type="button" className="button button--secondary" onClick={() => onDismiss(suggestion)}>
              {t('collaborations.card.dismiss')}
            </button>
          ) : null}
        </div>
      ) : null}
    </article>
  );
}
