import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '../../../components/alert';
import { Loading } from '../../../components/loading';
import { isApiRequestError } from '../../../lib/api/api-error';
import { errorMessage } from '../../../lib/api/error-message';
import { useFormatters } from '../../../lib/i18n/format';
import { useOrganizationBuildings } from '../api/matches';
import '../reuse.css';

/** "Immobili adatti" on an organization's page: the buildings open to a new use that fit it, with fit and reasons. */
export function OrganizationBuildings({ organizationId }: { organizationId: string }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const fitting = useOrganizationBuildings(organizationId);
  const data = fitting.data;
  if (fitting.isError && isApiRequestError(fitting.error) && fitting.error.status === 404) return null;
  return (
    <section className="card stack-tight" aria-labelledby="reuse-fitting-title">
      <h2 id="reuse-fitting-title">{t('reuse.fitting.title')}</h2>
      {fitting.isPending ? <Loading /> : null}
      {fitting.isError && !data ? <Alert tone="error">{errorMessage(t, fitting.error)}</Alert> : null}
      {data && !data.needsSpace ? <p className="muted">{t('reuse.fitting.noNeed')}</p> : null}
      {data && data.needsSpace && data.items.length === 0 ? <p>{t('reuse.fitting.none')}</p> : null}
      {data && data.items.length > 0 ? (
        <ul className="reuse-matches">
          {data.items.map((i) => (
            <li key={i.building.id} className="reuse-match">
              <p>
                <Link to={`/immobili/${i.building.id}`}>{i.building.name}</Link> ({i.building.municipality.name}) —{' '}
                {t('reuse.matches.fit', { fit: format.integer(i.fit) })}
                {i.score === null ? null : ` · ${t('reuse.scoreOf', { score: format.integer(i.score) })}`}
              </p>
              <ul>
                {i.reasons.map((r) => (
                  <li key={r}>{r}</li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
