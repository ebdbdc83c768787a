import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '../../../components/alert';
import { Loading } from '../../../components/loading';
import { isApiRequestError } from '../../../lib/api/api-error';
import { errorMessage } from '../../../lib/api/error-message';
import { useSessionUser } from '../../../lib/auth/session';
import { useFormatters } from '../../../lib/i18n/format';
import { useBuildingMatches, useProposeMatch } from '../api/matches';
import '../reuse.css';
import { ScoreParts } from './score-parts';

/**
 * "Possibili utilizzatori" on a building's page: its reuse-potential score with the parts, and the
 * organizations that could use it; a coordinator turns one into the next step (stage planned).
 * `onProposed` lets the page refetch the building (its stage changed).
 */
export function BuildingMatches({ buildingId, onProposed }: { buildingId: string; onProposed?: () => void }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const user = useSessionUser();
  const matches = useBuildingMatches(buildingId);
  const propose = useProposeMatch(buildingId, onProposed);
  const data = matches.data;
  const canPropose = user.role === 'coordinator' && data?.building.stage === 'assessed';
  return (
    <section className="card stack-tight" aria-labelledby="reuse-matches-title">
      <h2 id="reuse-matches-title">{t('reuse.matches.title')}</h2>
      {matches.isPending ? <Loading /> : null}
      {matches.isError && !data ? (
        isApiRequestError(matches.error) && matches.error.status === 404 ? (
          <p className="muted">{t('reuse.matches.outside')}</p>
        ) : (
          <Alert tone="error">{errorMessage(t, matches.error)}</Alert>
        )
      ) : null}
      {data ? (
        <>
          <p>
            <strong>{t('reuse.scoreOf', { score: format.integer(data.score) })}</strong>
          </p>
          <ScoreParts factors={data.factors} score={data.score} />
          {user.role === 'coordinator' && data.building.stage !== 'assessed' ? <p className="muted">{t('reuse.matches.proposeWhenAssessed')}</p> : null}
          {propose.isError ? <Alert tone="error">{errorMessage(t, propose.error)}</Alert> : null}
          {propose.isSuccess ? (
            <Alert tone="success">
              <p>{t('reuse.matches.proposed')}</p>
            </Alert>
          ) : null}
          {data.items.length === 0 ? (
            <p>{t('reuse.matches.none')}</p>
          ) : (
            <ul className="reuse-matches">
              {data.items.map((m) => (
                <li key={m.organization.id} className="reuse-match">
                  <p>
                    <Link to={`/organizzazioni/${m.organization.id}`}>{m.organization.name}</Link> —{' '}
                    {t('reuse.matches.fit', { fit: format.integer(m.fit) })}
                  </p>
                  <ul>
                    {m.reasons.map((r) => (
                      <li key={r}>{r}</li>
                    ))}
                  </ul>
                  {canPropose ? (
                    <button
                      type="button"
                      className="button button--secondary button--small"
                      disabled={propose.isPending}
                      aria-label={t('reuse.matches.proposeLabel', { name: m.organization.name })}
                      onClick={() => propose.mutate({ organization: m.organization.id, version: data.building.version })}
                    >
                      {t('reuse.matches.propose')}
                    </button>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </>
      ) : null}
    </section>
  );
}
