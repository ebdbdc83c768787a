import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/alert';
import { Loading } from '../../../components/loading';
import { Pagination } from '../../../components/pagination';
import { errorMessage } from '../../../lib/api/error-message';
import { useFormatters } from '../../../lib/i18n/format';
import { useActivitiesInView } from '../api/list-activities-in-view';
import { useBuildingsInView } from '../api/buildings';
import { useInitiativesInView, type InitiativesInViewQuery } from '../api/initiatives';
import { useOrganizationsInView, type OrganizationsInViewQuery } from '../api/organizations';
import { useReuseInView, type ReuseInViewQuery } from '../api/reuse';
import type { ActivitiesInViewQuery, BuildingsInViewQuery } from '../api/types';
import { ActivityItem } from './activity-item';
import { BuildingItem } from './building-item';
import { InitiativeItem } from './initiative-item';
import { OrganizationItem } from './organization-item';
import { ReuseItem } from './reuse-item';

export const MAP_LIST_PAGE_SIZE = 25;

/**
 * The list of exactly what the map shows: the activities list API with the map's filters and the
 * map's bbox, so its total is the sum of the map's counts (up to the list's count cap).
 */
export function ActivitiesInViewList({ query, onPage }: { query: ActivitiesInViewQuery; onPage: (page: number) => void }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const list = useActivitiesInView(query);
  if (list.isPending) return <Loading />;
  if (!list.data) return <Alert tone="error">{errorMessage(t, list.error)}</Alert>;
  const { items, total, totalCapped, page, pageSize } = list.data;
  return (
    <section className="map-list" aria-labelledby="map-list-title">
      <h2 id="map-list-title" className="map-list__title">
        {totalCapped
          ? t('mapPage.list.titleCapped', { formatted: format.integer(total) })
          : t('mapPage.list.title', { count: total, formatted: format.integer(total) })}
      </h2>
      {items.length === 0 ? (
        <p>{t('mapPage.list.empty')}</p>
      ) : (
        <ul className="map-list__items">
          {items.map((a) => (
            <li key={a.id}>
              <ActivityItem activity={a} headingLevel={3} />
            </li>
          ))}
        </ul>
      )}
      <Pagination page={page} pageSize={pageSize} total={total} totalCapped={totalCapped} itemCount={items.length} onPage={onPage} />
    </section>
  );
}

/** The buildings of the map's area with the map's filters (the buildings list API). */
export function BuildingsInViewList({ query, onPage }: { query: BuildingsInViewQuery; onPage: (page: number) => void }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const list = useBuildingsInView(query);
  if (list.isPending) return <Loading />;
  if (!list.data) return <Alert tone="error">{errorMessage(t, list.error)}</Alert>;
  const { items, total, page, pageSize } = list.data;
  return (
    <section className="map-list" aria-labelledby="map-list-buildings-title">
      <h2 id="map-list-buildings-title" className="map-list__title">
        {t('mapPage.list.buildings', { count: total, formatted: format.integer(total) })}
      </h2>
      {items.length === 0 ? (
        <p>{t('mapPage.list.buildingsEmpty')}</p>
      ) : (
        <ul className="map-list__items">
          {items.map((b) => (
            <li key={b.id}>
              <BuildingItem building={b} headingLevel={3} />
            </li>
          ))}
        </ul>
      )}
      <Pagination page={page} pageSize={pageSize} total={total} itemCount={items.length} onPage={onPage} />
    </section>
  );
}

/** The organizations of the map's area with the map's filters (the organizations list API). */
export function OrganizationsInViewList({ query, onPage }: { query: OrganizationsInViewQuery; onPage: (page: number) => void }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const list = useOrganizationsInView(query);
  if (list.isPending) return <Loading />;
  if (!list.data) return <Alert tone="error">{errorMessage(t, list.error)}</Alert>;
  const { items, total, page, pageSize } = list.data;
  return (
    <section className="map-list" aria-labelledby="map-list-organizations-title">
      <h2 id="map-list-organizations-title" className="map-list__title">
        {t('mapPage.list.organizations', { count: total, formatted: format.integer(total) })}
      </h2>
      {items.length === 0 ? (
        <p>{t('mapPage.list.organizationsEmpty')}</p>
      ) : (
        <ul className="map-list__items">
          {items.map((o) => (
            <li key={o.id}>
              <OrganizationItem organization={o} headingLevel={3} />
            </li>
          ))}
        </ul>
      )}
      <Pagination page={page} pageSize={pageSize} total={total} itemCount={items.length} onPage={onPage} />
    </section>
  );
}

/** The initiatives of the map's area with the map's filters (the initiatives list API). */
export function InitiativesInViewList({ query, onPage }: { query: InitiativesInViewQuery; onPage: (page: number) => void }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const list = useInitiativesInView(query);
  if (list.isPending) return <Loading />;
  if (!list.data) return <Alert tone="error">{errorMessage(t, list.error)}</Alert>;
  const { items, total, page, pageSize } = list.data;
  return (
    <section className="map-list" aria-labelledby="map-list-initiatives-title">
      <h2 id="map-list-initiatives-title" className="map-list__title">
        {t('mapPage.list.initiatives', { count: total, formatted: format.integer(total) })}
      </h2>
      {items.length === 0 ? (
        <p>{t('mapPage.list.initiativesEmpty')}</p>
      ) : (
        <ul className="map-list__items">
          {items.map((i) => (
            <li key={i.id}>
              <InitiativeItem initiative={i} headingLevel={3} />
            </li>
          ))}
        </ul>
      )}
      <Pagination page={page} pageSize={pageSize} total={total} itemCount={items.length} onPage={onPage} />
    </section>
  );
}

/**
 * The reuse ranking of the map's area with the map's (buildings') filters, best first: the ranking
 * API with the map's bbox, so its total is the reuse layer's total.
 */
export function ReuseInViewList({ query, onPage }: { query: ReuseInViewQuery; onPage: (page: number) => void }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const list = useReuseInView(query);
  if (list.isPending) return <Loading />;
  if (!list.data) return <Alert tone="error">{errorMessage(t, list.error)}</Alert>;
  const { items, total, page, pageSize } = list.data;
  return (
    <section className="map-list" aria-labelledby="map-list-reuse-title">
      <h2 id="map-list-reuse-title" className="map-list__title">
        {t('mapPage.list.reuse', { count: total, formatted: format.integer(total) })}
      </h2>
      {items.length === 0 ? (
        <p>{t('mapPage.list.buildingsEmpty')}</p>
      ) : (
        <ol className="map-list__items" start={(page - 1) * pageSize + 1}>
          {items.map((r) => (
            <li key={r.building.id}>
              <ReuseItem item={r} headingLevel={3} />
            </li>
          ))}
        </ol>
      )}
      <Pagination page={page} pageSize={pageSize} total={total} itemCount={items.length} onPage={onPage} />
    </section>
  );
}
