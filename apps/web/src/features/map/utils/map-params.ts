import { MAP_LAYERS, type MapLayer } from '@trama/contracts';
import { activityFilterFromParams, activityFilterToParams, type ActivityFilter } from '../../../lib/filters/activities';
import { buildingFiltersFromParams, buildingFiltersToParams, type BuildingFilters } from '../../../lib/filters/buildings';
import { organizationFilterFromParams, organizationFilterToParams, type OrganizationFilter } from '../../../lib/filters/organizations';
import { AVAILABLE_LAYERS, LAYER_DEFINITIONS } from './layers';

export type MapMode = 'map' | 'list';

/** What the map page shows; every field lives in the URL (a shared link opens the same map and list). */
export interface MapState {
  /** the visible layers (only those the API serves) */
  layers: MapLayer[];
  mode: MapMode;
  /** the activities layer's filters: the activities list's own filter object (its parameter names) */
  activities: ActivityFilter;
  /** the buildings layer's filters: the buildings list's filter object (its names prefixed `b.`) */
  buildings: BuildingFilters;
  /** the organizations layer's filters: the organizations list's filter object (its names prefixed `o.`) */
  organizations: OrganizationFilter;
  /** the page of the list view */
  page: number;
}

/** The buildings' filters share names with the activities' (municipality, q…): in the map's URL they carry this prefix. */
const BUILDINGS_PREFIX = 'b.';
const ORGANIZATIONS_PREFIX = 'o.';

function unprefixed(params: URLSearchParams, prefix: string): URLSearchParams {
  const out = new URLSearchParams();
  for (const [key, value] of params) if (key.startsWith(prefix)) out.set(key.slice(prefix.length), value);
  return out;
}

export function mapStateFromParams(params: URLSearchParams): MapState {
  const named = params.get('layers');
  const layers =
    named === null ? [...AVAILABLE_LAYERS] : MAP_LAYERS.filter((l) => LAYER_DEFINITIONS[l].available && named.split(',').includes(l));
  const page = Number.parseInt(params.get('page') ?? '1', 10);
  return {
    layers,
    mode: params.get('view') === 'list' ? 'list' : 'map',
    activities: activityFilterFromParams(params),
    buildings: buildingFiltersFromParams(unprefixed(params, BUILDINGS_PREFIX)),
    organizations: organizationFilterFromParams(unprefixed(params, ORGANIZATIONS_PREFIX)),
    page: Number.isFinite(page) && page > 0 ? page : 1,
  };
}

export function mapStateToParams(state: MapState): URLSearchParams {
  const params = activityFilterToParams(state.activities);
  for (const [key, value] of buildingFiltersToParams(state.buildings)) params.set(`${BUILDINGS_PREFIX}${key}`, value);
  for (const [key, value] of organizationFilterToParams(state.organizations)) params.set(`${ORGANIZATIONS_PREFIX}${key}`, value);
  const defaults = state.layers.length === AVAILABLE_LAYERS.length && AVAILABLE_LAYERS.every((l) => state.layers.includes(l));
  if (!defaults) params.set('layers', state.layers.join(','));
  if (state.mode === 'list') params.set('view', 'list');
  if (state.page > 1) params.set('page', String(state.page));
  return params;
}
