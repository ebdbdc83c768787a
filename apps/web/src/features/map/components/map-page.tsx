import { MAP_LAYERS, type MapLayer } from '@trama/contracts';
import type { Map as LeafletMap } from 'leaflet';
import { useCallback, useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { Alert } from '../../../components/alert';
import { Loading } from '../../../components/loading';
import { PageHeading } from '../../../components/page-heading';
import type { MunicipalityRef } from '../../../lib/api/types';
import { errorMessage } from '../../../lib/api/error-message';
import { useSessionUser } from '../../../lib/auth/session';
import { activityFilterToParams, toActivityFiltersQuery, type ActivityFilter } from '../../../lib/filters/activities';
import {
  ActivityFilterFields,
  activityDatesInverted,
  activityFilterDraft,
  activityFilterOfDraft,
  type ActivityFilterDraft,
} from '../../../lib/filters/activity-filter-fields';
import { useFormatters } from '../../../lib/i18n/format';
import { BuildingFilterFields, buildingFiltersToParams, type BuildingFilters } from '../../../lib/filters/buildings';
import {
  InitiativeFilterFields,
  initiativeFilterQuery,
  initiativeFilterToParams,
  type InitiativeFilter,
} from '../../../lib/filters/initiatives';
import {
  OrganizationFilterFields,
  organizationFilterQuery,
  organizationFilterToParams,
  type OrganizationFilter,
} from '../../../lib/filters/organizations';
import { useMunicipalityBoundaries } from '../../../lib/reference/boundaries';
import { asMunicipalityRefs, useMunicipalities } from '../../../lib/reference/municipalities';
import { useBuildingsLayer } from '../api/buildings';
import { useInitiativesLayer } from '../api/initiatives';
import { useOrganizationsLayer } from '../api/organizations';
import { useActivitiesLayer } from '../api/get-activities-layer';
import type { LayerCollection, LayerFeature } from '../api/types';
import { activityPeriodKind, defaultActivityPeriod, MAP_ACTIVITIES_DEFAULT_PERIOD_DAYS, todayInItaly } from '../utils/activity-period';
import { LAYER_DEFINITIONS, type MapLayerDefinition } from '../utils/layers';
import { mapStateFromParams, mapStateToParams, type MapState } from '../utils/map-params';
import { mergeNearClusters } from '../utils/merge-clusters';
import { bboxOf, extentOf, type Viewport } from '../utils/viewport';
import { LayerMap, zoomToCluster, type MapView } from './layer-map';
import { MapLegend } from './map-legend';
import { ActivitiesInViewList, BuildingsInViewList, InitiativesInViewList, MAP_LIST_PAGE_SIZE, OrganizationsInViewList } from './map-list';
import { RecordPanel, type PanelContent } from './record-panel';
import '../map.css';

/** How long the map waits after a move before it asks for the new area (panning is many moves). */
const SEARCH_DELAY_MS = 250;

/** Municipalities offered by the filter: an innovator's assigned ones; for the others, those they may see. */
function useFilterMunicipalities(): MunicipalityRef[] {
  const user = useSessionUser();
  const isInnovator = user.role === 'innovator';
  const options = useMunicipalities({ enabled: !isInnovator, select: asMunicipalityRefs });
  return isInnovator ? user.assignedMunicipalities : (options.data ?? []);
}

/** A layer's answer with the server's clusters closer than 40 px merged (utils/merge-clusters.ts); the same counts. */
function useMerged(collection: LayerCollection | undefined): LayerCollection | undefined {
  return useMemo(() => (collection ? mergeNearClusters(collection) : undefined), [collection]);
}

const down = (v: number) => Math.floor(v * 1e6) / 1e6;
const up = (v: number) => Math.ceil(v * 1e6) / 1e6;

/**
 * The map page (docs/map.md): the layers over the boundaries, the lists' filters, the legend, a
 * side panel for a chosen record, and the list of exactly what the map shows. A municipality user
 * lands on their territory, an innovator on their municipalities, a coordinator on the whole
 * metropolitan city. The map asks for the area on screen after each move ("search this area",
 * automatic by default; the user may turn it off and search by hand).
 */
export function MapPage() {
  const { t } = useTranslation();
  const format = useFormatters();
  const user = useSessionUser();
  const [params, setParams] = useSearchParams();
  // the activities' default period ends today (Italy): read once per visit
  const [today] = useState(() => todayInItaly());
  const state = useMemo(() => mapStateFromParams(params, today), [params, today]);
  const update = (next: Partial<MapState>) => setParams(mapStateToParams({ ...state, ...next }, today));

  const boundaries = useMunicipalityBoundaries({});
  const landing = useMemo(() => {
    if (!boundaries.data) return null;
    const assigned = new Set(user.role === 'innovator' ? user.assignedMunicipalities.map((m) => m.istatCode) : []);
    const own = boundaries.data.features.filter((f) => assigned.has(f.properties.istatCode));
    const features = own.length > 0 ? own : boundaries.data.features;
    return extentOf(features.map((f) => (f.geometry as { coordinates?: unknown } | null)?.coordinates));
  }, [boundaries.data, user]);

  const [viewport, setViewport] = useState<Viewport | null>(null);
  const [view, setView] = useState<MapView | null>(null);
  const [autoSearch, setAutoSearch] = useState(true);
  const [pending, setPending] = useState<Viewport | null>(null);
  const [panel, setPanel] = useState<PanelContent | null>(null);
  const leaflet = useRef<LeafletMap | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const autoRef = useRef(autoSearch);
  useEffect(() => {
    autoRef.current = autoSearch;
  }, [autoSearch]);
  useEffect(() => () => clearTimeout(timer.current), []);

  const landed = useRef(false);
  const onMove = useCallback((next: Viewport, nextView: MapView) => {
    setView(nextView);
    clearTimeout(timer.current);
    const search = () => {
      if (autoRef.current) {
        setViewport((v) => (v && v.bbox === next.bbox && v.zoom === next.zoom ? v : next));
        setPending(null);
      } else {
        setPending(next);
      }
    };
    // the landing view is searched at once (the layers are what the page waits for); later moves
    // are debounced, panning being many moves
    if (!landed.current) {
      landed.current = true;
      search();
    } else {
      timer.current = setTimeout(search, SEARCH_DELAY_MS);
    }
  }, []);
  const onMap = useCallback((map: LeafletMap | null) => {
    leaflet.current = map;
  }, []);

  const showActivities = state.layers.includes('activities');
  const filters = useMemo(() => toActivityFiltersQuery(state.activities, user.id), [state.activities, user.id]);
  const activities = useActivitiesLayer(viewport && showActivities ? { ...filters, bbox: viewport.bbox, zoom: viewport.zoom } : null);
  const showBuildings = state.layers.includes('buildings');
  const buildingFilters = state.buildings;
  const buildings = useBuildingsLayer(viewport && showBuildings ? { ...buildingFilters, bbox: viewport.bbox, zoom: viewport.zoom } : null);
  const showOrganizations = state.layers.includes('organizations');
  const organizationFilters = useMemo(() => organizationFilterQuery(state.organizations), [state.organizations]);
  const organizations = useOrganizationsLayer(
    viewport && showOrganizations ? { ...organizationFilters, bbox: viewport.bbox, zoom: viewport.zoom } : null,
  );
  const showInitiatives = state.layers.includes('initiatives');
  const initiativeFilters = useMemo(() => initiativeFilterQuery(state.initiatives), [state.initiatives]);
  const initiatives = useInitiativesLayer(
    viewport && showInitiatives ? { ...initiativeFilters, bbox: viewport.bbox, zoom: viewport.zoom } : null,
  );
  const buildingsDrawn = useMerged(buildings.data);
  const organizationsDrawn = useMerged(organizations.data);
  const initiativesDrawn = useMerged(initiatives.data);
  const activitiesDrawn = useMerged(activities.data);
  // buildings under organizations under initiatives under activities (drawn in that order)
  const drawn = useMemo(
    () => [
      ...(showBuildings ? [{ definition: LAYER_DEFINITIONS.buildings, collection: buildingsDrawn }] : []),
      ...(showOrganizations ? [{ definition: LAYER_DEFINITIONS.organizations, collection: organizationsDrawn }] : []),
      ...(showInitiatives ? [{ definition: LAYER_DEFINITIONS.initiatives, collection: initiativesDrawn }] : []),
      ...(showActivities ? [{ definition: LAYER_DEFINITIONS.activities, collection: activitiesDrawn }] : []),
    ],
    [
      showBuildings,
      buildingsDrawn,
      showOrganizations,
      organizationsDrawn,
      showInitiatives,
      initiativesDrawn,
      showActivities,
      activitiesDrawn,
    ],
  );

  const describeRecord = useCallback(
    (definition: MapLayerDefinition, f: LayerFeature) =>
      t('mapPage.point', {
        label: f.properties.label ?? t(definition.layer === 'activities' ? 'activities.untitled' : 'mapPage.legend.none'),
        category: f.properties.category ? t(`${definition.categoryLabels}.${f.properties.category}`) : t('mapPage.legend.none'),
      }),
    [t],
  );
  const describeCluster = useCallback(
    (definition: MapLayerDefinition, f: LayerFeature) =>
      t(`mapPage.cluster.${definition.layer}`, { count: f.properties.count, formatted: format.integer(f.properties.count) }),
    [t, format],
  );
  const onSelectRecord = useCallback((d: MapLayerDefinition, f: LayerFeature) => {
    if (f.properties.id) setPanel({ kind: 'record', layer: d.layer, id: f.properties.id });
  }, []);
  const onSelectCluster = useCallback(
    (d: MapLayerDefinition, f: LayerFeature) => {
      const bbox = f.properties.bbox;
      if (f.properties.expansionZoom != null && leaflet.current) {
        zoomToCluster(leaflet.current, f);
      } else if (bbox) {
        const box = `${down(bbox[0])},${down(bbox[1])},${up(bbox[2])},${up(bbox[3])}`;
        const count = f.properties.count;
        if (d.layer === 'buildings') setPanel({ kind: 'place', layer: 'buildings', count, query: { ...buildingFilters, bbox: box } });
        else if (d.layer === 'organizations')
          setPanel({ kind: 'place', layer: 'organizations', count, query: { ...organizationFilters, bbox: box } });
        else if (d.layer === 'initiatives')
          setPanel({ kind: 'place', layer: 'initiatives', count, query: { ...initiativeFilters, bbox: box } });
        else setPanel({ kind: 'place', layer: 'activities', count, query: { ...filters, bbox: box } });
      }
    },
    [filters, buildingFilters, organizationFilters, initiativeFilters],
  );

  const total = activities.data?.total;
  // the list of what the map shows; opened straight from a link (no map yet), the landing area
  const area =
    viewport?.bbox ??
    (landing
      ? bboxOf({ getWest: () => landing[0], getSouth: () => landing[1], getEast: () => landing[2], getNorth: () => landing[3] })
      : null);
  const listQuery = area ? { ...filters, bbox: area, page: state.page, pageSize: MAP_LIST_PAGE_SIZE } : null;
  const buildingsListQuery = area ? { ...buildingFilters, bbox: area, page: state.page, pageSize: MAP_LIST_PAGE_SIZE } : null;
  const buildingsTotal = buildings.data?.total;
  const organizationsTotal = organizations.data?.total;
  const organizationsListQuery = area ? { ...organizationFilters, bbox: area, page: state.page, pageSize: MAP_LIST_PAGE_SIZE } : null;
  const initiativesTotal = initiatives.data?.total;
  const initiativesListQuery = area ? { ...initiativeFilters, bbox: area, page: state.page, pageSize: MAP_LIST_PAGE_SIZE } : null;
  const anyLayer = showActivities || showBuildings || showOrganizations || showInitiatives;
  const summary = [
    !anyLayer ? t('mapPage.summary.noLayer') : null,
    showBuildings
      ? buildingsTotal === undefined
        ? t('mapPage.summary.loading')
        : t('mapPage.summary.buildings', { count: buildingsTotal, formatted: format.integer(buildingsTotal) })
      : null,
    showOrganizations
      ? organizationsTotal === undefined
        ? t('mapPage.summary.loading')
        : t('mapPage.summary.organizations', { count: organizationsTotal, formatted: format.integer(organizationsTotal) })
      : null,
    showInitiatives
      ? initiativesTotal === undefined
        ? t('mapPage.summary.loading')
        : t('mapPage.summary.initiatives', { count: initiativesTotal, formatted: format.integer(initiativesTotal) })
      : null,
    showActivities
      ? total === undefined
        ? t('mapPage.summary.loading')
        : t('mapPage.summary.activities', { count: total, formatted: format.integer(total) })
      : null,
    activities.data?.clustered || buildings.data?.clustered || organizations.data?.clustered || initiatives.data?.clustered
      ? t('mapPage.summary.clustered')
      : null,
  ]
    .filter(Boolean)
    .join(' ');

  return (
    <div className="map-page">
      <PageHeading title={t('mapPage.title')} lead={t('mapPage.lead')} />
      <div className="map-page__controls">
        <LayerToggles layers={state.layers} onChange={(layers) => update({ layers, page: 1 })} />
        {showBuildings ? (
          <BuildingsMapFilters
            key={`b:${buildingFiltersToParams(state.buildings).toString()}`}
            filters={state.buildings}
            onApply={(b) => update({ buildings: b, page: 1 })}
            onClear={() => update({ buildings: {}, page: 1 })}
          />
        ) : null}
        {showOrganizations ? (
          <OrganizationsMapFilters
            key={`o:${organizationFilterToParams(state.organizations).toString()}`}
            filter={state.organizations}
            onApply={(o) => update({ organizations: o, page: 1 })}
            onClear={() => update({ organizations: {}, page: 1 })}
          />
        ) : null}
        {showInitiatives ? (
          <InitiativesMapFilters
            key={`i:${initiativeFilterToParams(state.initiatives).toString()}`}
            filter={state.initiatives}
            onApply={(i) => update({ initiatives: i, page: 1 })}
            onClear={() => update({ initiatives: {}, page: 1 })}
          />
        ) : null}
        <MapFilters
          key={`a:${activityFilterToParams(state.activities).toString()}`}
          filter={state.activities}
          onApply={(activitiesFilter) => update({ activities: activitiesFilter, page: 1 })}
          onClear={() => update({ activities: defaultActivityPeriod(today), page: 1 })}
        />
        <div className="map-page__modes" role="group" aria-label={t('mapPage.mode.label')}>
          <button
            type="button"
            className={`button ${state.mode === 'map' ? 'button--primary' : 'button--secondary'}`}
            aria-pressed={state.mode === 'map'}
            onClick={() => update({ mode: 'map' })}
          >
            {t('mapPage.mode.map')}
          </button>
          <button
            type="button"
            className={`button ${state.mode === 'list' ? 'button--primary' : 'button--secondary'}`}
            aria-pressed={state.mode === 'list'}
            onClick={() => update({ mode: 'list', page: 1 })}
          >
            {t('mapPage.mode.list')}
          </button>
        </div>
      </div>

      <p className="map-page__summary" role="status" aria-live="polite">
        {summary}
      </p>
      {activities.isError && !activities.data ? <Alert tone="error">{errorMessage(t, activities.error)}</Alert> : null}
      {buildings.isError && !buildings.data ? <Alert tone="error">{errorMessage(t, buildings.error)}</Alert> : null}
      {showActivities ? (
        <ActivityPeriod
          filter={state.activities}
          today={today}
          onChange={(period) => update({ activities: { ...state.activities, ...period }, page: 1 })}
        />
      ) : null}
      {organizations.isError && !organizations.data ? <Alert tone="error">{errorMessage(t, organizations.error)}</Alert> : null}
      {initiatives.isError && !initiatives.data ? <Alert tone="error">{errorMessage(t, initiatives.error)}</Alert> : null}

      {state.mode === 'map' ? (
        <>
          <div className="map-page__search">
            <label className="check">
              <input type="checkbox" checked={autoSearch} onChange={(e) => setAutoSearch(e.target.checked)} />
              <span>{t('mapPage.search.auto')}</span>
            </label>
            {!autoSearch && pending ? (
              <button
                type="button"
                className="button button--primary button--small"
                onClick={() => {
                  setViewport(pending);
                  setPending(null);
                }}
              >
                {t('mapPage.search.here')}
              </button>
            ) : null}
          </div>
          <div className={`map-page__body${panel ? ' map-page__body--panel' : ''}`}>
            {boundaries.isPending ? (
              <Loading label={t('territory.map.loading')} />
            ) : (
              <LayerMap
                boundaries={boundaries.data}
                landing={landing}
                view={view}
                layers={drawn}
                onMove={onMove}
                onMap={onMap}
                onSelectRecord={onSelectRecord}
                onSelectCluster={onSelectCluster}
                label={t('mapPage.mapLabel')}
                describeRecord={describeRecord}
                describeCluster={describeCluster}
              />
            )}
            {panel ? <RecordPanel content={panel} onClose={() => setPanel(null)} /> : null}
          </div>
          <p className="map-page__note">{t('mapPage.keyboardNote')}</p>
        </>
      ) : listQuery && buildingsListQuery && organizationsListQuery && initiativesListQuery && anyLayer ? (
        <>
          {showBuildings ? <BuildingsInViewList query={buildingsListQuery} onPage={(page) => update({ page })} /> : null}
          {showOrganizations ? <OrganizationsInViewList query={organizationsListQuery} onPage={(page) => update({ page })} /> : null}
          {showInitiatives ? <InitiativesInViewList query={initiativesListQuery} onPage={(page) => update({ page })} /> : null}
          {showActivities ? <ActivitiesInViewList query={listQuery} onPage={(page) => update({ page })} /> : null}
        </>
      ) : (
        <p>{t('mapPage.list.noArea')}</p>
      )}
      <MapLegend layers={drawn} />
    </div>
  );
}

/** The layers of MAP_LAYERS: those the API does not serve yet are shown, disabled, with a note. */
function LayerToggles({ layers, onChange }: { layers: MapLayer[]; onChange: (layers: MapLayer[]) => void }) {
  const { t } = useTranslation();
  return (
    <fieldset className="map-layers">
      <legend>{t('mapPage.layers.label')}</legend>
      {MAP_LAYERS.map((layer) => {
        const available = LAYER_DEFINITIONS[layer].available;
        return (
          <label key={layer} className="check">
            <input
              type="checkbox"
              checked={layers.includes(layer)}
              disabled={!available}
              onChange={(e) => onChange(e.target.checked ? [...layers, layer] : layers.filter((l) => l !== layer))}
            />
            <span>
              {t(`mapPage.layers.${layer}`)}
              {available ? '' : ` ${t('mapPage.layers.unavailable')}`}
            </span>
          </label>
        );
      })}
    </fieldset>
  );
}

/** The activities layer's filters: the activities list's fields (lib/filters), folded. */
function MapFilters({ filter, onApply, onClear }: { filter: ActivityFilter; onApply: (f: ActivityFilter) => void; onClear: () => void }) {
  const { t } = useTranslation();
  const user = useSessionUser();
  const municipalities = useFilterMunicipalities();
  const [draft, setDraft] = useState<ActivityFilterDraft>(() => activityFilterDraft(filter));
  const set = <K extends keyof ActivityFilterDraft>(key: K, value: ActivityFilterDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const summaryId = useId();
  const apply = (event: FormEvent) => {
    event.preventDefault();
    if (activityDatesInverted(draft)) return;
    onApply(activityFilterOfDraft(draft));
  };
  return (
    <details className="map-filters">
      <summary id={summaryId}>{t('mapPage.filters.activities')}</summary>
      <form className="filters activity-filters" role="search" aria-labelledby={summaryId} onSubmit={apply}>
        <ActivityFilterFields
          draft={draft}
          onChange={set}
          municipalities={municipalities}
          showMine={user.role === 'innovator'}
          showStatus={user.role !== 'municipality'}
        />
        <div className="filters__actions">
          <button type="submit" className="button button--primary">
            {t('activities.filters.apply')}
          </button>
          <button type="button" className="button button--secondary" onClick={onClear}>
            {t('activities.filters.clear')}
          </button>
        </div>
      </form>
    </details>
  );
}

/** The buildings layer's filters: the buildings list's fields (lib/filters/buildings.tsx), folded. */
function BuildingsMapFilters({
  filters,
  onApply,
  onClear,
}: {
  filters: BuildingFilters;
  onApply: (f: BuildingFilters) => void;
  onClear: () => void;
}) {
  const { t } = useTranslation();
  const municipalities = useFilterMunicipalities();
  return (
    <details className="map-filters">
      <summary>{t('mapPage.filters.buildings')}</summary>
      <BuildingFilterFields filters={filters} municipalities={municipalities} onApply={onApply} onClear={onClear} />
    </details>
  );
}

/** The organizations layer's filters: the organizations list's fields (lib/filters/organizations.tsx), folded. */
function OrganizationsMapFilters({
  filter,
  onApply,
  onClear,
}: {
  filter: OrganizationFilter;
  onApply: (f: OrganizationFilter) => void;
  onClear: () => void;
}) {
  const { t } = useTranslation();
  const municipalities = useFilterMunicipalities();
  return (
    <details className="map-filters">
      <summary>{t('mapPage.filters.organizations')}</summary>
      <OrganizationFilterFields filter={filter} municipalities={municipalities} onApply={onApply} onClear={onClear} />
    </details>
  );
}

/** The initiatives layer's filters: the initiatives list's fields (lib/filters/initiatives.tsx), folded. */
function InitiativesMapFilters({
  filter,
  onApply,
  onClear,
}: {
  filter: InitiativeFilter;
  onApply: (f: InitiativeFilter) => void;
  onClear: () => void;
}) {
  const { t } = useTranslation();
  const municipalities = useFilterMunicipalities();
  return (
    <details className="map-filters">
      <summary>{t('mapPage.filters.initiatives')}</summary>
      <InitiativeFilterFields filter={filter} municipalities={municipalities} onApply={onApply} onClear={onClear} />
    </details>
  );
}

/**
 * The activities' period in words ("activities of the period": the last 90 days unless chosen),
 * with the way to every period and back; the dates themselves are edited in the activities' filters.
 */
function ActivityPeriod({
  filter,
  today,
  onChange,
}: {
  filter: ActivityFilter;
  today: string;
  onChange: (period: { from?: string; to?: string }) => void;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const kind = activityPeriodKind(filter, today);
  const day = (d: string) => format.date(d);
  const text =
    kind === 'default'
      ? t('mapPage.period.default', { days: MAP_ACTIVITIES_DEFAULT_PERIOD_DAYS, from: day(filter.from!), to: day(filter.to!) })
      : kind === 'all'
        ? t('mapPage.period.all')
        : filter.from && filter.to
          ? t('mapPage.period.range', { from: day(filter.from), to: day(filter.to) })
          : filter.from
            ? t('mapPage.period.since', { from: day(filter.from) })
            : t('mapPage.period.until', { to: day(filter.to!) });
  return (
    <p className="map-page__period">
      <span>{text}</span>{' '}
      {kind === 'default' ? (
        <button
          type="button"
          className="button button--secondary button--small"
          onClick={() => onChange({ from: undefined, to: undefined })}
        >
          {t('mapPage.period.showAll')}
        </button>
      ) : (
        <button type="button" className="button button--secondary button--small" onClick={() => onChange(defaultActivityPeriod(today))}>
          {t('mapPage.period.showDefault', { days: MAP_ACTIVITIES_DEFAULT_PERIOD_DAYS })}
        </button>
      )}
    </p>
  );
}
