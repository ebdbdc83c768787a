import { INDICATOR_KINDS, PROGRAMME_INDICATOR_CODES } from '@trama/contracts';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Alert } from '../../../components/alert';
import { Loading } from '../../../components/loading';
import { PageHeading } from '../../../components/page-heading';
import { ScrollRegion } from '../../../components/scroll-region';
import { errorMessage } from '../../../lib/api/error-message';
import { useSessionUser } from '../../../lib/auth/session';
import { useTerritoryOverview } from '../api/get-territory-overview';
import type { TerritoryOverview } from '../api/types';
import { periodsOfYears } from '../utils/periods';
import { canSeeDrafts } from '../utils/permissions';
import { valueFormat } from '../utils/format-value';
import { useIndicatorName, usePeriodFormat } from '../utils/use-value-format';
import { FIRST_YEAR } from '../utils/view-params';
import { ProgressBar } from './progress-bar';
import { territoryName, TerritorySelect, useTerritoryChoices } from './territory-select';
import { useFormatters } from '../../../lib/i18n/format';

type OverviewItem = TerritoryOverview['items'][number];

const currentYear = () => Number(new Intl.DateTimeFormat('en', { year: 'numeric', timeZone: 'Europe/Rome' }).format(new Date()));

/** The programme's three first, then by kind (output, result, context), each group by name. */
export function orderOverview<T extends { indicator: { code: string; kind: string } }>(
  items: readonly T[],
  nameOf: (item: T) => string,
  compare: (a: string, b: string) => number,
): T[] {
  const programme = (code: string) => {
    const i = (PROGRAMME_INDICATOR_CODES as readonly string[]).indexOf(code);
    return i < 0 ? PROGRAMME_INDICATOR_CODES.length : i;
  };
  const kind = (k: string) => (INDICATOR_KINDS as readonly string[]).indexOf(k);
  return [...items].sort(
    (a, b) =>
      programme(a.indicator.code) - programme(b.indicator.code) ||
      kind(a.indicator.kind) - kind(b.indicator.kind) ||
      compare(nameOf(a), nameOf(b)),
  );
}

/**
 * A territory's page: every indicator of one municipality, social area or the metropolitan city for
 * a year, with value, target and progress (a bar and its words), each linking to its indicator page
 * on this territory.
 */
export function TerritoryIndicators({ territory }: { territory: string }) {
  const { t } = useTranslation();
  const user = useSessionUser();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const choices = useTerritoryChoices(user);
  const formatters = useFormatters();
  const name = useIndicatorName();
  const formatPeriod = usePeriodFormat();
  const headingId = useId();
  const yearId = useId();
  const year = Number(params.get('anno')) || currentYear();
  const period = String(year);
  const drafts = canSeeDrafts(user.role) && params.get('bozze') === '1';
  const overview = useTerritoryOverview(territory, period, drafts);
  const here = territoryName(choices, territory) ?? overview.data?.territoryName ?? territory;
  const years = periodsOfYears(FIRST_YEAR, currentYear() + 1, 'year');

  const format = (item: OverviewItem) =>
    valueFormat(item.indicator, {
      locale: formatters.locale,
      perCapita: false,
      missing: t('indicators.missing'),
      unitSuffix: t(`indicators.unitSuffix.${item.indicator.unit}`, { defaultValue: '' }),
    });
  const items = overview.data ? orderOverview(overview.data.items, (i) => name(i.indicator), formatters.compare) : [];

  return (
    <div className="stack">
      <p className="breadcrumb">
        <Link to="/indicatori">{t('indicators.back')}</Link>
      </p>
      <PageHeading title={t('indicators.territoryPage.title', { territory: here })} lead={t('indicators.territoryPage.lead')} />
      <form className="filters" onSubmit={(e) => e.preventDefault()} aria-label={t('indicators.filters.title')}>
        <TerritorySelect
          choices={choices}
          value={territory}
          onChange={(next) => void navigate(`/indicatori/territorio/${encodeURIComponent(next)}?${params.toString()}`)}
        />
        <div className="field">
          <label className="field__label" htmlFor={yearId}>
            {t('indicators.filters.year')}
          </label>
          <select
            id={yearId}
            className="input"
            value={period}
            onChange={(e) => setParams({ ...Object.fromEntries(params), anno: e.target.value }, { replace: true, flushSync: true })}
          >
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
        {canSeeDrafts(user.role) ? (
          <label className="check">
            <input
              type="checkbox"
              checked={drafts}
              onChange={(e) => {
                const next = new URLSearchParams(params);
                if (e.target.checked) next.set('bozze', '1');
                else next.delete('bozze');
                setParams(next, { replace: true, flushSync: true });
              }}
            />
            {t('indicators.filters.drafts')}
          </label>
        ) : null}
      </form>
      {overview.isPending ? (
        <Loading />
      ) : overview.isError ? (
        <Alert tone="error">{errorMessage(t, overview.error)}</Alert>
      ) : (
        <section className="stack" aria-labelledby={headingId} aria-busy={overview.isFetching || undefined}>
          <h2 id={headingId}>{t('indicators.territoryPage.tableTitle', { territory: here, period: formatPeriod(period) })}</h2>
          <ScrollRegion labelledBy={headingId}>
            <table className="table territory-indicators">
              <thead>
                <tr>
                  <th scope="col">{t('indicators.table.indicator')}</th>
                  <th scope="col">{t('indicators.table.kind')}</th>
                  <th scope="col" className="num">
                    {t('indicators.table.value')}
                  </th>
                  <th scope="col" className="num">
                    {t('indicators.table.target')}
                  </th>
                  <th scope="col">{t('indicators.table.progress')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((item) => {
                  const f = format(item);
                  return (
                    <tr key={item.indicator.code} data-indicator={item.indicator.code}>
                      <th scope="row">
                        <Link
                          to={`/indicatori/${item.indicator.code}?territorio=${encodeURIComponent(territory)}&periodo=${period}&al=${year}`}
                        >
                          {name(item.indicator)}
                        </Link>
                      </th>
                      <td>{t(`indicators.kinds.${item.indicator.kind}`)}</td>
                      <td className="num">{f.value(item.point.value)}</td>
                      <td className="num">{item.point.target === null ? '—' : f.value(item.point.target)}</td>
                      <td>
                        <ProgressBar progress={item.point.progress} format={f} />
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </ScrollRegion>
        </section>
      )}
    </div>
  );
}
