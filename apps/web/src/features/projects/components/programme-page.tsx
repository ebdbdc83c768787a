import { lazy, Suspense, useMemo } from 'react';
import '../projects.css';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '../../../components/alert';
import { Loading } from '../../../components/loading';
import { ScrollRegion } from '../../../components/scroll-region';
import { errorMessage } from '../../../lib/api/error-message';
import { useFormatters } from '../../../lib/i18n/format';
import { useProjects } from '../api/list-projects';
import { progressByProject } from './chart-options';
import { money, percent } from './progress-table';

const EChartsView = lazy(() => import('./echarts-view'));

/** Every project of the programme the caller may read with its latest financial figures: a bar per project and the same table. */
export function ProgrammePage() {
  const { t } = useTranslation();
  const f = useFormatters();
  const projects = useProjects({ page: 1, pageSize: 100 });
  const rows = useMemo(
    () =>
      (projects.data?.items ?? []).flatMap((p) =>
        p.latestProgress ? [{ id: p.id, code: p.code, title: p.title, progress: p.latestProgress }] : [],
      ),
    [projects.data],
  );
  const option = useMemo(
    () =>
      progressByProject(
        rows,
        { admitted: t('projects.fields.admitted'), committed: t('projects.fields.committed'), paid: t('projects.fields.paid') },
        { money: (n) => money(n, f.locale) },
      ),
    [rows, t, f],
  );
  if (projects.isPending) return <Loading />;
  if (projects.isError && !projects.data) return <Alert tone="error">{errorMessage(t, projects.error)}</Alert>;
  if (rows.length === 0) return <p>{t('projects.programme.empty')}</p>;
  const total = rows.reduce(
    (s, r) => ({
      admitted: s.admitted + r.progress.admitted,
      committed: s.committed + r.progress.committed,
      paid: s.paid + r.progress.paid,
    }),
    { admitted: 0, committed: 0, paid: 0 },
  );
  return (
    <div className="stack">
      <figure className="stack-tight">
        <figcaption>
          <strong>{t('projects.programme.chartTitle')}</strong>{' '}
          <span className="field__hint">{t('projects.programme.chartDescription')}</span>
        </figcaption>
        <Suspense fallback={<Loading />}>
          <EChartsView option={option} height={Math.max(200, 80 + rows.length * 60)} />
        </Suspense>
      </figure>
      <ScrollRegion label={t('projects.programme.tableCaption')}>
        <table className="table" data-testid="programme-table">
          <caption className="sr-only">{t('projects.programme.tableCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('projects.fields.code')}</th>
              <th scope="col">{t('projects.fields.progressDate')}</th>
              <th scope="col">{t('projects.fields.admitted')}</th>
              <th scope="col">{t('projects.fields.committed')}</th>
              <th scope="col">{t('projects.fields.paid')}</th>
              <th scope="col">{t('projects.shares.paidOfAdmitted')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <th scope="row">
                  <Link to={`/progetti/${r.id}`} title={r.title}>
                    {r.code}
                  </Link>
                </th>
                <td>{f.date(r.progress.date)}</td>
                <td className="num">{money(r.progress.admitted, f.locale)}</td>
                <td className="num">{money(r.progress.committed, f.locale)}</td>
                <td className="num">{money(r.progress.paid, f.locale)}</td>
                <td className="num">{percent(r.progress.shares.paidOfAdmitted, f.locale)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colSpan={2}>
                {t('projects.programme.totals')}
              </th>
              <td className="num">{money(total.admitted, f.locale)}</td>
              <td className="num">{money(total.committed, f.locale)}</td>
              <td className="num">{money(total.paid, f.locale)}</td>
              <td className="num">{percent(total.admitted > 0 ? total.paid / total.admitted : null, f.locale)}</td>
            </tr>
          </tfoot>
        </table>
      </ScrollRegion>
    </div>
  );
}
