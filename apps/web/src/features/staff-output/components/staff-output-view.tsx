import type { StaffOutputDto, StaffOutputQuery } from '../api/types';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { Alert } from '../../../components/alert';
import { Loading } from '../../../components/loading';
import { PageHeading } from '../../../components/page-heading';
import { isApiRequestError } from '../../../lib/api/api-error';
import { errorMessage, fieldProblemTexts } from '../../../lib/api/error-message';
import { useSessionUser } from '../../../lib/auth/session';
import { useFormatters } from '../../../lib/i18n/format';
import { useTenants } from '../../../lib/reference/tenants';
import { useStaffOutput } from '../api/get-staff-output';
import { DEFAULT_PRESET, filterFromParams, filterToParams, periodOf, todayInItaly } from '../utils/period';
import { nextSort, sortInnovators, type SortState } from '../utils/sort';
import { OutputChart } from './output-chart';
import { OutputTable, TypeTable } from './output-table';
import { PeriodForm, type FilterField } from './period-form';
import './staff-output.css';

const FIELDS: readonly FilterField[] = ['tenant', 'from', 'to', 'staleDays'];

function Totals({ report }: { report: StaffOutputDto }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const { totals } = report;
  const hours = new Intl.NumberFormat(format.locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const items: [string, string][] = [
    [
      t('staffOutput.totals.innovators'),
      t('staffOutput.totals.innovatorsValue', {
        total: format.integer(totals.innovators),
        count: totals.activeInnovators,
        formatted: format.integer(totals.activeInnovators),
      }),
    ],
    [t('staffOutput.totals.activities'), format.integer(totals.activities)],
    [t('staffOutput.totals.hours'), hours.format(totals.hours)],
    [t('staffOutput.totals.participants'), format.integer(totals.participants)],
    [
      t('staffOutput.totals.medianReview'),
      totals.reviewTime.medianHours === null ? t('staffOutput.table.none') : hours.format(totals.reviewTime.medianHours),
    ],
    [
      t('staffOutput.totals.p90Review'),
      totals.reviewTime.p90Hours === null ? t('staffOutput.table.none') : hours.format(totals.reviewTime.p90Hours),
    ],
    [
      t('staffOutput.totals.unvisited', { count: report.period.staleDays, formatted: format.integer(report.period.staleDays) }),
      format.integer(totals.unvisitedMunicipalities),
    ],
  ];
  return (
    <dl className="staff-totals">
      {items.map(([label, value]) => (
        <div key={label} className="staff-totals__item">
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The staff-output dashboard: filters in the URL, totals, the chart and the tables with the same figures. */
export function StaffOutputView({ today = todayInItaly() }: { today?: string }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const user = useSessionUser();
  const isAdmin = user.role === 'admin';
  const [params, setParams] = useSearchParams();
  const filter = filterFromParams(params);
  const period = periodOf(filter, today);
  const tenants = useTenants(isAdmin);
  const query: StaffOutputQuery | null =
    period && (!isAdmin || filter.tenant)
      ? { ...period, staleDays: filter.staleDays, ...(isAdmin ? { tenant: filter.tenant } : {}) }
      : null;
  const report = useStaffOutput(query);
  const [sort, setSort] = useState<SortState>({ column: 'name', direction: 'ascending' });
  const rows = useMemo(
    () => (report.data ? sortInnovators(report.data.innovators, sort, format.compare) : []),
    [report.data, sort, format.compare],
  );

  const serverErrors: Partial<Record<FilterField, string[]>> = {};
  if (isApiRequestError(report.error) && report.error.status === 400) {
    for (const field of FIELDS) {
      const messages = fieldProblemTexts(t, report.error, field);
      if (messages.length) serverErrors[field] = messages;
    }
  }

  return (
    <div className="stack staff-output">
      <PageHeading title={t('staffOutput.title')} lead={t('staffOutput.lead')} />
      {isAdmin && tenants.isError ? (
        <Alert tone="error" title={t('staffOutput.tenantsFailed')}>
          {errorMessage(t, tenants.error)}
        </Alert>
      ) : null}
      {isAdmin && tenants.isPending ? (
        <Loading />
      ) : (
        <PeriodForm
          key={params.toString()}
          filter={filter}
          today={today}
          tenants={isAdmin ? (tenants.data ?? []) : null}
          serverErrors={serverErrors}
          onApply={(next) => setParams(filterToParams(next))}
        />
      )}

      {query === null ? (
        <Alert tone="info">{isAdmin && !filter.tenant ? t('staffOutput.chooseTenant') : t('staffOutput.choosePeriod')}</Alert>
      ) : report.isPending ? (
        <Loading label={t('staffOutput.loading')} />
      ) : report.isError ? (
        <Alert tone="error" title={t('staffOutput.failed')}>
          {errorMessage(t, report.error)}
        </Alert>
      ) : (
        <>
          <p role="status" className="result-count">
            {t('staffOutput.resultFor', {
              tenant: report.data.tenant.name,
              from: format.date(report.data.period.from),
              to: format.date(report.data.period.to),
            })}
            {filter.preset === DEFAULT_PRESET ? ` ${t('staffOutput.defaultPeriod')}` : ''}
            {report.isFetching ? ` ${t('staffOutput.updating')}` : ''}
          </p>
          <section aria-labelledby="staff-totals-title" className="stack">
            <h2 id="staff-totals-title">{t('staffOutput.totals.title')}</h2>
            <Totals report={report.data} />
          </section>
          {report.data.innovators.length === 0 ? (
            <p>{t('staffOutput.empty')}</p>
          ) : (
            <>
              <section aria-labelledby="staff-chart-title" className="stack">
                <h2 id="staff-chart-title">{t('staffOutput.chart.heading')}</h2>
                <OutputChart report={report.data} rows={rows} />
              </section>
              <section aria-labelledby="staff-table-title" className="stack">
                <h2 id="staff-table-title">{t('staffOutput.table.heading')}</h2>
                <p className="staff-output__note">
                  {t('staffOutput.table.note', {
                    statuses: report.data.reportedStatuses
                      .map((s) => t('staffOutput.quoted', { text: t(`vocab.activityStatus.${s}`) }))
                      .join(', '),
                    since: format.date(report.data.period.staleSince),
                    to: format.date(report.data.period.to),
                  })}
                </p>
                <OutputTable report={report.data} rows={rows} sort={sort} onSort={(column) => setSort((s) => nextSort(s, column))} />
                <TypeTable report={report.data} rows={rows} />
              </section>
            </>
          )}
        </>
      )}
    </div>
  );
}
