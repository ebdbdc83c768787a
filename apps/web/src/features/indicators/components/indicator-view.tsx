import type { IndicatorValuePoint, IndicatorValuesResponse } from '@trama/contracts';
import { lazy, Suspense, useCallback, useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Alert } from '../../../components/alert';
import { Loading } from '../../../components/loading';
import { PageHeading } from '../../../components/page-heading';
import { errorMessage } from '../../../lib/api/error-message';
import { useSessionUser } from '../../../lib/auth/session';
import { useMunicipalityBoundaries } from '../../../lib/reference/boundaries';
import { useIndicatorValues } from '../api/get-indicator-values';
import type { IndicatorValuesQuery } from '../api/types';
import { classify } from '../utils/class-breaks';
import { periodsOfYears, rangeOfYears, PERIOD_GRAINS } from '../utils/periods';
import { canSeeDrafts, canEnterValues } from '../utils/permissions';
import { initialTerritory, municipalityOf } from '../utils/territory-param';
import { trendTexts } from '../utils/trend-texts';
import { useIndicatorName, usePeriodFormat, useValueFormat } from '../utils/use-value-format';
import { FIRST_YEAR, readViewParams, writeViewParams, type IndicatorViewParams } from '../utils/view-params';
import type { ChoroplethArea } from './choropleth-map';
import { ChoroplethLegend } from './choropleth-legend';
import { ExportButtons } from './export-buttons';
import { RankingTable } from './ranking-table';
import { territoryName, TerritorySelect, useTerritoryChoices } from './territory-select';
import { TrendTable } from './trend-table';

// echarts and Leaflet load with their sections only (their own chunks), not with the list of indicators.
const TrendChart = lazy(() => import('./trend-chart').then((m) => ({ default: m.TrendChart })));
const ChoroplethMap = lazy(() => import('./choropleth-map').then((m) => ({ default: m.ChoroplethMap })));

const currentYear = () => Number(new Intl.DateTimeFormat('en', { year: 'numeric', timeZone: 'Europe/Rome' }).format(new Date()));

/** The trend's points on every period of the range: a period the answer lacks is missing (null), not zero. */
export function pointsOnAxis(
  answer: IndicatorValuesResponse | undefined,
  axis: readonly string[],
  territory: string,
): IndicatorValuePoint[] {
  const byPeriod = new Map((answer?.items ?? []).filter((i) => i.territory === territory).map((i) => [i.period, i]));
  return axis.map((period) => byPeriod.get(period) ?? { territory, territoryName: '', period, value: null, target: null, progress: null });
}

/**
 * An indicator's page: territory, grain, years, period, per capita and drafts pickers (all in the
 * address); the trend of the territory against its target (echarts) with its table; the
 * municipalities of the territory on a choropleth (Leaflet, vector boundaries) with its legend and
 * its ranking table; each section exports what it shows.
 */
export function IndicatorView({ code }: { code: string }) {
  const { t } = useTranslation();
  const user = useSessionUser();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const choices = useTerritoryChoices(user);
  const view = readViewParams(params, { territory: initialTerritory(params.get('territorio'), user), currentYear: currentYear() });
  const ids = { trend: useId(), map: useId(), filters: useId() };

  const update = useCallback(
    (change: Partial<IndicatorViewParams>) => setParams(writeViewParams({ ...view, ...change }), { replace: true, flushSync: true }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [params, setParams],
  );

  const axis = useMemo(() => periodsOfYears(view.fromYear, view.toYear, view.grain), [view.fromYear, view.toYear, view.grain]);
  const range = rangeOfYears(view.fromYear, view.toYear, view.grain);
  const common = { grain: view.grain, perCapita: view.perCapita ?? undefined, drafts: view.drafts || undefined };
  const trendQuery: IndicatorValuesQuery = { territory: view.territory, from: range.from, to: range.to, ...common };
  const singleMunicipality = municipalityOf(view.territory);
  const mapQuery: IndicatorValuesQuery = singleMunicipality
    ? { territory: view.territory, period: view.period, ...common }
    : { territory: view.territory, by: 'municipality', period: view.period, ...common };

  const trend = useIndicatorValues(code, trendQuery);
  const map = useIndicatorValues(code, mapQuery);
  const boundaries = useMunicipalityBoundaries();

  const indicator = trend.data?.indicator ?? map.data?.indicator;
  // the answer says whether its values are per capita (absent from the address: the definition's setting)
  const perCapita = trend.data?.perCapita ?? map.data?.perCapita ?? view.perCapita ?? false;
  // the toggle follows the address at once (the figures follow when their answer arrives)
  const perCapitaAsked = view.perCapita ?? perCapita;
  const name = useIndicatorName();
  const format = useValueFormat(indicator, perCapita);
  const formatPeriod = usePeriodFormat();
  const points = useMemo(() => pointsOnAxis(trend.data, axis, view.territory), [trend.data, axis, view.territory]);
  const mapItems = useMemo(() => (map.data?.items ?? []).filter((i) => i.territory.startsWith('municipality:')), [map.data]);
  const classification = useMemo(() => classify(mapItems.map((i) => i.value)), [mapItems]);
  const areas = useMemo(
    () =>
      new Map<string, ChoroplethArea>(
        mapItems.map((i) => {
          const c = classification.classOf(i.value);
          const classText = c
            ? t('indicators.table.classOf', { index: c.index, count: classification.classes.length })
            : t('indicators.missing');
          return [
            i.territory.slice('municipality:'.length),
            {
              classIndex: c?.index ?? null,
              color: c?.color ?? null,
              tooltip: `${i.territoryName}: ${format.value(i.value)} (${classText})`,
            },
          ];
        }),
      ),
    [mapItems, classification, format, t],
  );
  const here = territoryName(choices, view.territory) ?? (choices.isPending ? '' : view.territory);
  const texts = useMemo(
    () => (indicator ? trendTexts(t, { name: name(indicator), territory: here, points, format, formatPeriod }) : null),
    [indicator, name, here, points, format, formatPeriod, t],
  );
  const openMunicipality = useCallback(
    (istat: string) => void navigate(`/indicatori/territorio/${encodeURIComponent(`municipality:${istat}`)}`),
    [navigate],
  );

  if (trend.isPending && map.isPending) return <Loading />;
  if (!indicator) return <Alert tone="error">{errorMessage(t, trend.error ?? map.error)}</Alert>;

  const periodChoices = periodsOfYears(view.fromYear, view.toYear, view.grain);
  const years = Array.from({ length: currentYear() + 2 - FIRST_YEAR }, (_, i) => FIRST_YEAR + i);
  // per 1,000 inhabitants means something for counts and amounts, not for shares
  const perCapitaAllowed = indicator.unit !== 'percent' || perCapitaAsked;

  return (
    <div className="stack indicator-view">
      <p className="breadcrumb">
        <Link to="/indicatori">{t('indicators.back')}</Link>
      </p>
      <PageHeading
        title={name(indicator)}
        lead={
          <>
            {t(`indicators.kinds.${indicator.kind}`)} · {t(`indicators.directions.${indicator.direction}`)} ·{' '}
            {t(`indicators.sources.${indicator.source}`)}
          </>
        }
        actions={
          canEnterValues(user.role) && indicator.source === 'manual' ? (
            <Link className="button button--secondary" to={`/indicatori/${code}/valori`}>
              {t('indicators.values.enter')}
            </Link>
          ) : null
        }
      />

      <form className="filters indicator-filters" aria-labelledby={ids.filters} onSubmit={(e) => e.preventDefault()}>
        <h2 id={ids.filters} className="sr-only">
          {t('indicators.filters.title')}
        </h2>
        <TerritorySelect choices={choices} value={view.territory} onChange={(territory) => update({ territory })} />
        <SelectField
          label={t('indicators.filters.grain')}
          value={view.grain}
          options={PERIOD_GRAINS.map((g) => ({ value: g, label: t(`indicators.grains.${g}`) }))}
          onChange={(grain) => update({ grain: grain as IndicatorViewParams['grain'], period: '' })}
        />
        <SelectField
          label={t('indicators.filters.from')}
          value={String(view.fromYear)}
          options={years.map((y) => ({ value: String(y), label: String(y) }))}
          onChange={(y) => update({ fromYear: Number(y) })}
        />
        <SelectField
          label={t('indicators.filters.to')}
          value={String(view.toYear)}
          options={years.map((y) => ({ value: String(y), label: String(y) }))}
          onChange={(y) => update({ toYear: Number(y), period: '' })}
        />
        <SelectField
          label={t('indicators.filters.period')}
          value={view.period}
          options={periodChoices.map((p) => ({ value: p, label: formatPeriod(p) }))}
          onChange={(period) => update({ period })}
        />
        {perCapitaAllowed ? (
          <label className="check">
            <input type="checkbox" checked={perCapitaAsked} onChange={(e) => update({ perCapita: e.target.checked })} />
            {t('indicators.filters.perCapita')}
          </label>
        ) : null}
        {canSeeDrafts(user.role) ? (
          <label className="check">
            <input type="checkbox" checked={view.drafts} onChange={(e) => update({ drafts: e.target.checked })} />
            {t('indicators.filters.drafts')}
          </label>
        ) : null}
      </form>
      {view.drafts ? <Alert tone="warning">{t('indicators.draftsShown')}</Alert> : null}

      <section className="stack indicator-section" aria-labelledby={ids.trend} aria-busy={trend.isFetching || undefined}>
        <h2 id={ids.trend}>{t('indicators.trend.title', { territory: here })}</h2>
        {trend.isError ? <Alert tone="error">{errorMessage(t, trend.error)}</Alert> : null}
        {texts ? (
          <Suspense fallback={<Loading />}>
            <TrendChart points={points} texts={texts} />
          </Suspense>
        ) : null}
        <TrendTable
          points={points}
          format={format}
          formatPeriod={formatPeriod}
          caption={t('indicators.trend.table', { territory: here })}
        />
        <ExportButtons code={code} query={trendQuery} label={t('indicators.export.trend')} />
      </section>

      <section className="stack indicator-section" aria-labelledby={ids.map} aria-busy={map.isFetching || undefined}>
        <h2 id={ids.map}>
          {t(singleMunicipality ? 'indicators.map.titleOne' : 'indicators.map.title', {
            territory: here,
            period: formatPeriod(view.period),
          })}
        </h2>
        {map.isError ? <Alert tone="error">{errorMessage(t, map.error)}</Alert> : null}
        <p className="result-count" role="status">
          {t('indicators.map.summary', { count: mapItems.length, missing: classification.missing })}
        </p>
        <div className="choropleth">
          <div className="choropleth__map">
            {boundaries.data ? (
              <Suspense fallback={<Loading />}>
                <ChoroplethMap
                  boundaries={boundaries.data}
                  areas={areas}
                  label={t('indicators.map.label', { territory: here })}
                  onSelect={openMunicipality}
                />
              </Suspense>
            ) : boundaries.isError ? (
              <Alert tone="error">{errorMessage(t, boundaries.error)}</Alert>
            ) : (
              <Loading />
            )}
          </div>
          <ChoroplethLegend classification={classification} format={format} />
        </div>
        <RankingTable
          items={mapItems}
          direction={indicator.direction}
          classification={classification}
          format={format}
          perCapita={perCapita}
          caption={t('indicators.map.table', { territory: here, period: formatPeriod(view.period) })}
        />
        <ExportButtons code={code} query={mapQuery} label={t('indicators.export.map')} />
        <p>
          <Link to={`/indicatori/territorio/${encodeURIComponent(view.territory)}`}>
            {t('indicators.territoryLink', { territory: here })}
          </Link>
        </p>
      </section>
    </div>
  );
}

function SelectField({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: string;
  options: { value: string; label: string }[];
  onChange: (value: string) => void;
}) {
  const id = useId();
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <select id={id} className="input" value={value} onChange={(e) => onChange(e.target.value)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
