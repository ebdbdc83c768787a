import type { UseQueryResult } from '@tanstack/react-query';
import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '../../../components/alert';
import { Loading } from '../../../components/loading';
import { errorMessage } from '../../../lib/api/error-message';
import { useFormatters } from '../../../lib/i18n/format';
import { useActivityRecord } from '../api/get-activity-record';
import { useActivitiesInView } from '../api/list-activities-in-view';
import { useBuildingRecord, useBuildingsInView } from '../api/buildings';
import { useInitiativeRecord, useInitiativesInView, type InitiativesInViewQuery } from '../api/initiatives';
import { useOrganizationRecord, useOrganizationsInView, type OrganizationsInViewQuery } from '../api/organizations';
import { useReuseInView, type ReuseInViewQuery } from '../api/reuse';
import type { ActivitiesInViewQuery, BuildingsInViewQuery } from '../api/types';
import { LAYER_DEFINITIONS } from '../utils/layers';
import { ActivityItem } from './activity-item';
import { BuildingItem } from './building-item';
import { InitiativeItem } from './initiative-item';
import { OrganizationItem } from './organization-item';
import { ReuseItem } from './reuse-item';

export type PanelContent =
  | { kind: 'record'; layer: 'activities' | 'buildings' | 'organizations' | 'initiatives'; id: string }
  /** a building of the reuse layer, with the stored score and band the map drew it with */
  | { kind: 'record'; layer: 'reuse'; id: string; score: number | null; band: string | null }
  /** the records of a cluster that no zoom separates (they share one point): listed with the map's filters */
  | { kind: 'place'; layer: 'activities'; query: ActivitiesInViewQuery; count: number }
  | { kind: 'place'; layer: 'buildings'; query: BuildingsInViewQuery; count: number }
  | { kind: 'place'; layer: 'reuse'; query: ReuseInViewQuery; count: number }
  | { kind: 'place'; layer: 'organizations'; query: OrganizationsInViewQuery; count: number }
  | { kind: 'place'; layer: 'initiatives'; query: InitiativesInViewQuery; count: number };

const PLACE_PAGE_SIZE = 20;

/** The side panel: the chosen record (fetched), or the records of one place; focus moves to it when it opens. */
export function RecordPanel({ content, onClose }: { content: PanelContent; onClose: () => void }) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, [content]);
  return (
    <aside className="map-panel" aria-labelledby="map-panel-title">
      <div className="map-panel__head">
        <h2 id="map-panel-title" className="map-panel__title" tabIndex={-1} ref={heading}>
          {content.kind === 'record' ? t('mapPage.panel.record') : t('mapPage.panel.place', { count: content.count })}
        </h2>
        <button type="button" className="button button--secondary button--small" onClick={onClose}>
          {t('mapPage.panel.close')}
        </button>
      </div>
      {content.kind === 'record' ? (
        content.layer === 'initiatives' ? (
          <InitiativeRecordView id={content.id} />
        ) : content.layer === 'organizations' ? (
          <OrganizationRecordView id={content.id} />
        ) : content.layer === 'buildings' ? (
          <BuildingRecordView id={content.id} />
        ) : content.layer === 'reuse' ? (
          <BuildingRecordView id={content.id} reuse={{ score: content.score, band: content.band }} />
        ) : (
          <ActivityRecordView id={content.id} />
        )
      ) : content.layer === 'initiatives' ? (
        <PlaceInitiatives query={content.query} />
      ) : content.layer === 'organizations' ? (
        <PlaceOrganizations query={content.query} />
      ) : content.layer === 'buildings' ? (
        <PlaceBuildings query={content.query} />
      ) : content.layer === 'reuse' ? (
        <PlaceReuse query={content.query} />
      ) : (
        <PlaceRecords query={content.query} />
      )}
    </aside>
  );
}

function ActivityRecordView({ id }: { id: string }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const record = useActivityRecord(id);
  if (record.isPending) return <Loading />;
  if (!record.data) return <Alert tone="error">{errorMessage(t, record.error)}</Alert>;
  const a = record.data;
  return (
    <div className="map-panel__body">
      <ActivityItem activity={a} headingLevel={3} />
      {a.participants ? (
        <p>{t('activities.fields.participantsCount', { count: a.participants.total, formatted: format.integer(a.participants.total) })}</p>
      ) : null}
      {a.description ? <p className="map-panel__text">{a.description}</p> : null}
      <p>
        <Link className="button button--primary" to={LAYER_DEFINITIONS.activities.detailPath(a.id)}>
          {t('mapPage.panel.open')}
        </Link>
      </p>
    </div>
  );
}

function PlaceRecords({ query }: { query: ActivitiesInViewQuery }) {
  const list = useActivitiesInView({ ...query, page: 1, pageSize: PLACE_PAGE_SIZE });
  return <PlaceList list={list} render={(a) => <ActivityItem activity={a} headingLevel={3} />} />;
}

function BuildingRecordView({ id, reuse }: { id: string; reuse?: { score: number | null; band: string | null } }) {
  const { t } = useTranslation();
  const record = useBuildingRecord(id);
  if (record.isPending) return <Loading />;
  if (!record.data) return <Alert tone="error">{errorMessage(t, record.error)}</Alert>;
  const b = record.data;
  return (
    <div className="map-panel__body">
      <BuildingItem building={b} headingLevel={3} />
      {b.address ? <p>{b.address}</p> : null}
      {reuse ? (
        <p>
          {reuse.score === null
            ? t('vocab.reuseBand.unscored')
            : t('mapPage.reuse.score', { score: reuse.score, band: t(`vocab.reuseBand.${reuse.band ?? 'unscored'}`) })}
        </p>
      ) : null}
      <p>
        <Link className="button button--primary" to={LAYER_DEFINITIONS.buildings.detailPath(b.id)}>
          {t('mapPage.panel.open')}
        </Link>
      </p>
    </div>
  );
}

function PlaceBuildings({ query }: { query: BuildingsInViewQuery }) {
  const list = useBuildingsInView({ ...query, page: 1, pageSize: PLACE_PAGE_SIZE });
  return <PlaceList list={list} render={(b) => <BuildingItem building={b} headingLevel={3} />} />;
}

function PlaceReuse({ query }: { query: ReuseInViewQuery }) {
  const list = useReuseInView({ ...query, page: 1, pageSize: PLACE_PAGE_SIZE });
  return <PlaceList list={list} keyOf={(r) => r.building.id} render={(r) => <ReuseItem item={r} headingLevel={3} />} />;
}

function OrganizationRecordView({ id }: { id: string }) {
  const { t } = useTranslation();
  const record = useOrganizationRecord(id);
  if (record.isPending) return <Loading />;
  if (!record.data) return <Alert tone="error">{errorMessage(t, record.error)}</Alert>;
  const o = record.data;
  return (
    <div className="map-panel__body">
      <OrganizationItem organization={o} headingLevel={3} />
      <p>
        <Link className="button button--primary" to={LAYER_DEFINITIONS.organizations.detailPath(o.id)}>
          {t('mapPage.panel.open')}
        </Link>
      </p>
    </div>
  );
}

function PlaceOrganizations({ query }: { query: OrganizationsInViewQuery }) {
  const list = useOrganizationsInView({ ...query, page: 1, pageSize: PLACE_PAGE_SIZE });
  return <PlaceList list={list} render={(o) => <OrganizationItem organization={o} headingLevel={3} />} />;
}

function InitiativeRecordView({ id }: { id: string }) {
  const { t } = useTranslation();
  const record = useInitiativeRecord(id);
  if (record.isPending) return <Loading />;
  if (!record.data) return <Alert tone="error">{errorMessage(t, record.error)}</Alert>;
  const i = record.data;
  return (
    <div className="map-panel__body">
      <InitiativeItem initiative={i} headingLevel={3} />
      <p>
        <Link className="button button--primary" to={LAYER_DEFINITIONS.initiatives.detailPath(i.id)}>
          {t('mapPage.panel.open')}
        </Link>
      </p>
    </div>
  );
}

function PlaceInitiatives({ query }: { query: InitiativesInViewQuery }) {
  const list = useInitiativesInView({ ...query, page: 1, pageSize: PLACE_PAGE_SIZE });
  return <PlaceList list={list} render={(i) => <InitiativeItem initiative={i} headingLevel={3} />} />;
}

/** The records of one place (the list API's first page), each drawn by `render`, and how many more there are. */
function PlaceList<T>({
  list,
  render,
  keyOf = (item) => (item as { id: string }).id,
}: {
  list: UseQueryResult<{ items: T[]; total: number }>;
  render: (item: T) => ReactNode;
  /** the item's key (default: its `id`) */
  keyOf?: (item: T) => string;
}) {
  const { t } = useTranslation();
  if (list.isPending) return <Loading />;
  if (!list.data) return <Alert tone="error">{errorMessage(t, list.error)}</Alert>;
  return (
    <div className="map-panel__body">
      <ul className="map-list__items">
        {list.data.items.map((item) => (
          <li key={keyOf(item)}>{render(item)}</li>
        ))}
      </ul>
      {list.data.total > list.data.items.length ? (
        <p>{t('mapPage.panel.more', { count: list.data.total - list.data.items.length })}</p>
      ) : null}
    </div>
  );
}
