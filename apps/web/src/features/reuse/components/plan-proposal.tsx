import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '../../../components/alert';
import { errorMessage } from '../../../lib/api/error-message';
import { useFormatters } from '../../../lib/i18n/format';
import { usePlan } from '../api/matches';

/** The assignment plan for the buildings shown: the candidates maximising the total fit, one building each. A proposal only. */
export function PlanProposal({ buildings }: { buildings: string[] }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const plan = usePlan();
  return (
    <section className="stack-tight" aria-labelledby="reuse-plan-title">
      <h2 id="reuse-plan-title">{t('reuse.plan.title')}</h2>
      <p className="muted">{t('reuse.plan.lead')}</p>
      <div>
        <button type="button" className="button button--secondary" disabled={plan.isPending} onClick={() => plan.mutate(buildings)}>
          {plan.isPending ? t('reuse.plan.computing') : t('reuse.plan.compute', { count: buildings.length })}
        </button>
      </div>
      {plan.isError ? <Alert tone="error">{errorMessage(t, plan.error)}</Alert> : null}
      {plan.data ? (
        plan.data.pairs.length === 0 ? (
          <p role="status">{t('reuse.plan.none')}</p>
        ) : (
          <div className="table-wrap">
            <table className="table">
              <caption>{t('reuse.plan.caption', { total: format.integer(plan.data.totalFit), count: plan.data.pairs.length })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('reuse.columns.building')}</th>
                  <th scope="col">{t('reuse.columns.candidate')}</th>
                  <th scope="col">{t('reuse.columns.fit')}</th>
                  <th scope="col">{t('reuse.columns.reasons')}</th>
                </tr>
              </thead>
              <tbody>
                {plan.data.pairs.map((p) => (
                  <tr key={p.building.id}>
                    <th scope="row">
                      <Link to={`/immobili/${p.building.id}`}>{p.building.name}</Link>
                    </th>
                    <td>
                      <Link to={`/organizzazioni/${p.organization.id}`}>{p.organization.name}</Link>
                    </td>
                    <td>{format.integer(p.fit)}</td>
                    <td>{p.reasons.join('; ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )
      ) : null}
    </section>
  );
}
