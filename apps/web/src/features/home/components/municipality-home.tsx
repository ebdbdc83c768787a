import { THEMES, ACTIVITY_TYPES } from '@trama/contracts';
import { lazy, Suspense, useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Loading } from '../../../components/loading';
import { PageHeading } from '../../../components/page-heading';
import { ScrollRegion } from '../../../components/scroll-region';
import { useSessionUser } from '../../../lib/auth/session';
import { useFormatters } from '../../../lib/i18n/format';
import { useMunicipalityBoundaries } from '../../../lib/reference/boundaries';
import { usePublicConfig } from '../../../lib/reference/public-config';
import type { TerritoryFilter } from '../api/export-register';
import { useMunicipalityHome } from '../api/get-municipality-home';
import type { HomePoint } from '../api/types';
import { TERRITORY_PERIODS, territoryPeriodFrom, territoryQuery, todayInItaly } from '../utils/territory-period';
import { CountsTable } from './counts-table';
import { ExpiringAssignments } from './expiring-assignments';
import { HomeFilter } from './home-filter';
import { HomeLoadState } from './home-load-state';
import { HomeActivityItem } from './home-activity-item';
import { HomeSection } from './home-section';
import { TerritoryRegisters } from './territory-registers';

// Leaflet loads only with this page.
const PointsMap = lazy(() => import('./points-map').then((m) => ({ default: m.PointsMap })));

/**
 * "Il mio territorio": a municipality's (or social area's) registers — buildings per reuse stage,
 * organizations per kind, initiatives per status, each with its list and exports —, the building
 * assignments ending soon, and the approved activities of a period with their map.
 */
export function MunicipalityHome() {
  const { t } = useTranslation();
  const { territory } = useSessionUser();
  const filter: TerritoryFilter = useMemo(
    () => (territory === null ? {} : territory.kind === 'municipality' ? { municipality: territory.code } : { socialArea: territory.code }),
    [territory],
  );
  const format = useFormatters();
  const mapHeadingId = useId();
  const [params] = useSearchParams();
  const period = territoryPeriodFrom(params);
  const query = useMemo(() => territoryQuery(period, todayInItaly()), [period]);
  const home = useMunicipalityHome(query);
  const boundaries = useMunicipalityBoundaries();
  const config = usePublicConfig();
  const data = home.data;
  const count = (n: number) => format.integer(n);
  const describe = (p: HomePoint) => `${p.title} · ${format.date(p.date)} · ${p.municipalityName}`;

  const byType = data
    ? ACTIVITY_TYPES.filter((k) => data.byType[k] > 0).map((k) => ({ key: k, label: t(`vocab.activityType.${k}`), n: data.byType[k] }))
    : [];
  const byTheme = data
    ? THEMES.filter((k) => data.byTheme[k] > 0).map((k) => ({ key: k, label: t(`vocab.theme.${k}`), n: data.byTheme[k] }))
    : [];

  return (
    <>
      <PageHeading
        title={t('home.municipality.title')}
        lead={t('home.municipality.lead')}
        actions={
          territory ? (
            // the territory's indicators (`municipality:<istat>` or `socialArea:<code>`, the indicators' territory syntax)
            <Link
              className="button button--secondary"
              to={`/indicatori/territorio/${encodeURIComponent(`${territory.kind === 'municipality' ? 'municipality' : 'socialArea'}:${territory.code}`)}`}
            >
              {t('home.municipality.indicatorsLink')}
            </Link>
          ) : null
        }
      />
      <HomeLoadState query={home} />
      {data ? (
        <div className="stack">
          <TerritoryRegisters registers={data.registers} filter={filter} />
          <ExpiringAssignments expiring={data.expiringAssignments} />
        </div>
      ) : null}
      <h2 className="home-heading">{t('home.territory.activities')}</h2>
      <HomeFilter
        label={t('home.municipality.period')}
        param="periodo"
        value={period}
        options={TERRITORY_PERIODS.map((p) => ({ value: p, label: t(`home.municipality.periods.${p}`) }))}
      />
      {data ? (
        <div className="stack" aria-busy={home.isPlaceholderData || undefined}>
          <p className="result-count" role="status">
            {t('home.municipality.summary', {
              count: data.approved.total,
              formatted: data.approved.capped ? t('home.atLeast', { formatted: count(data.approved.total) }) : count(data.approved.total),
              from: format.date(data.from),
              to: format.date(data.to),
            })}
            {data.defaultPeriod ? ` ${t('home.municipality.defaultPeriod')}` : ''}
          </p>
          <div className="home-grid">
            <HomeSection title={t('home.municipality.byType')}>
              {byType.length ? (
                <CountsTable caption={t('home.municipality.byTypeCaption')} header={t('home.type')} rows={byType} />
              ) : (
                <p className="muted">{t('home.municipality.none')}</p>
              )}
            </HomeSection>
            <HomeSection title={t('home.municipality.byTheme')}>
              {byTheme.length ? (
                <CountsTable caption={t('home.municipality.byThemeCaption')} header={t('home.theme')} rows={byTheme} />
              ) : (
                <p className="muted">{t('home.municipality.none')}</p>
              )}
            </HomeSection>
            <HomeSection title={t('home.municipality.latest')}>
              {data.latest.length ? (
                <>
                  <ul className="home-list">
                    {data.latest.map((a) => (
                      <HomeActivityItem key={a.id} activity={a} show="approved" />
                    ))}
                  </ul>
                  <p className="home-more">
                    <Link to="/attivita">{t('home.municipality.allActivities')}</Link>
                  </p>
                </>
              ) : (
                <p className="muted">{t('home.municipality.none')}</p>
              )}
            </HomeSection>
          </div>
          <section className="panel" aria-labelledby={mapHeadingId}>
            <h2 id={mapHeadingId}>{t('home.municipality.map')}</h2>
            <p>
              {t('home.municipality.pointsCount', { count: data.points.length, formatted: count(data.points.length) })}
              {data.pointsCapped ? ` ${t('home.municipality.pointsCapped')}` : ''} <Link to="/mappa">{t('home.municipality.openMap')}</Link>
            </p>
            <Suspense fallback={<Loading />}>
              <PointsMap
                boundaries={boundaries.data}
                points={data.points}
                tileUrl={config.data?.tileUrl ?? ''}
                tileAttribution={config.data?.tileAttribution ?? ''}
                label={t('home.municipality.mapLabel')}
                describe={describe}
              />
            </Suspense>
            {data.points.length ? (
              <details className="home-points">
                <summary>{t('home.municipality.pointsList', { count: data.points.length, formatted: count(data.points.length) })}</summary>
                <ScrollRegion label={t('home.municipality.pointsCaption')}>
                  <table className="table">
                    <caption className="sr-only">{t('home.municipality.pointsCaption')}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t('home.title')}</th>
                        <th scope="col">{t('home.date')}</th>
                        <th scope="col">{t('home.municipalityName')}</th>
                        <th scope="col">{t('home.type')}</th>
                        <th scope="col">{t('home.coordinates')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {data.points.map((p) => (
                        <tr key={p.id}>
                          <th scope="row">
                            <Link to={`/attivita/${p.id}`}>{p.title}</Link>
                          </th>
                          <td>{format.date(p.date)}</td>
                          <td>{p.municipalityName}</td>
                          <td>{t(`vocab.activityType.${p.type}`)}</td>
                          <td className="code">{`${p.lat}, ${p.lon}`}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </ScrollRegion>
              </details>
            ) : null}
          </section>
        </div>
      ) : null}
    </>
  );
}
