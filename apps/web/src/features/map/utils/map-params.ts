import { MAP_LAYERS, type MapLayer } from '@trama/contracts';
import { activityFilterFromParams, activityFilterToParams, type ActivityFilter } from '../../../lib/filters/activities';
import { buildingFiltersFromParams, buildingFiltersToParams, type BuildingFilters } from '../../../lib/filters/buildings';
import { initiativeFilterFromParams, initiativeFilterToParams, type InitiativeFilter } from '../../../lib/filters/initiatives';
import { organizationFilterFromParams, organizationFilterToParams, type OrganizationFilter } from '../../../lib/filters/organizations';
import { ALL_PERIODS_PARAM, ALL_PERIODS_VALUE, activityPeriodKind, defaultActivityPeriod, todayInItaly } from './activity-period';
import { DEFAULT_LAYERS, LAYER_DEFINITIONS } from './layers';

export type MapMode = 'map' | 'list';

/** What the map page shows; every field lives in the URL (a shared link opens the same map and list). */
export interface MapState {
  /** the visible layers (only those the API serves) */
  layers: MapLayer[];
  mode: MapMode;
  /**
   * the activities layer's filters: the activities list's own filter object (its parameter names);
   * without dates in the URL, the last 90 days (utils/activity-period.ts); no dates here: every period
   */
  activities: ActivityFilter;
  /**
   * the buildings layer's filters: the buildings list's filter object (its names prefixed `b.`); the
   * reuse layer's too (the ranking's filters are the buildings register's)
   */
  buildings: BuildingFilters;
  /** the organizations layer's filters: the organizations list's filter object (its names prefixed `o.`) */
  organizations: OrganizationFilter;
  /** the initiatives layer's filters: the initiatives list's filter object (its names prefixed `i.`) */
  initiatives: InitiativeFilter;
  /** the page of the list view */
  page: number;
}

/** The buildings' filters share names with the activities' (municipality, q…): in the map's URL they carry this prefix. */
const BUILDINGS_PREFIX = 'b.';
const ORGANIZATIONS_PREFIX = 'o.';
const INITIATIVES_PREFIX = 'i.';

function unprefixed(params: URLSearchParams, prefix: string): URLSearchParams {
  const out = new URLSearchParams();
  for (const [key, value] of params) if (key.startsWith(prefix)) out.set(key.slice(prefix.length), value);
  return out;
}

/** `today` (YYYY-MM-DD, Italy) fixes the default period of the activities. */
export function mapStateFromParams(params: URLSearchParams, today: string = todayInItaly()): MapState {
  const named = params.get('layers');
  const layers =
    named === null ? [...DEFAULT_LAYERS] : MAP_LAYERS.filter((l) => LAYER_DEFINITIONS[l].available && named.split(',').includes(l));
  const page = Number.parseInt(params.get('page') ?? '1', 10);
  return {
    layers,
    mode: params.get('view') === 'list' ? 'list' : 'map',
    activities: activitiesOfThePeriod(params, today),
    buildings: buildingFiltersFromParams(unprefixed(params, BUILDINGS_PREFIX)),
    organizations: organizationFilterFromParams(unprefixed(params, ORGANIZATIONS_PREFIX)),
    initiatives: initiativeFilterFromParams(unprefixed(params, INITIATIVES_PREFIX)),
    page: Number.isFinite(page) && page > 0 ? page : 1,
  };
}

function activitiesOfThePeriod(params: URLSearchParams, today: string): ActivityFilter {
  const filter = activityFilterFromParams(params);
  if (filter.from || filter.to || params.get(ALL_PERIODS_PARAM) === ALL_PERIODS_VALUE) return filter;
  return { ...filter, ...defaultActivityPeriod(today) };
}

export function mapStateToParams(state: MapState, today: string = todayInItaly()): URLSearchParams {
  const period = activityPeriodKind(state.activities, today);
  const params = activityFilterToParams(period === 'default' ? { ...state.activities, from: undefined, to: undefined } : state.activities);
  if (period === 'all') params.set(ALL_PERIODS_PARAM, ALL_PERIODS_VALUE);
  for (const [key, value] of buildingFiltersToParams(state.buildings)) params.set(`${BUILDINGS_PREFIX}${key}`, value);
  for (const [key, value] of organizationFilterToParams(state.organizations)) params.set(`${ORGANIZATIONS_PREFIX}${key}`, value);
  for (const [key, value] of initiativeFilterToParams(state.initiatives)) params.set(`${INITIATIVES_PREFIX}${key}`, value);
  const defaults = state.layers.length === DEFAULT_LAYERS.length && DEFAULT_LAYERS.every((l) => state.layers.includes(l));
  if (!defaults) params.set('layers', state.layers.join(','));
  if (state.mode === 'list') params.set('view', 'list');
  if (state.page > 1) params.set('page', String(state.page));
  return params;
}
