import { MAP_LAYERS, type MapLayer } from '@trama/contracts';
import { activityFilterFromParams, activityFilterToParams, type ActivityFilter } from '../../../lib/filters/activities';
import { AVAILABLE_LAYERS, LAYER_DEFINITIONS } from './layers';

export type MapMode = 'map' | 'list';

/** What the map page shows; every field lives in the URL (a shared link opens the same map and list). */
export interface MapState {
  /** the visible layers (only those the API serves) */
  layers: MapLayer[];
  mode: MapMode;
  /** the activities layer's filters: the activities list's own filter object */
  activities: ActivityFilter;
  /** the page of the list view */
  page: number;
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
    page: Number.isFinite(page) && page > 0 ? page : 1,
  };
}

export function mapStateToParams(state: MapState): URLSearchParams {
  const params = activityFilterToParams(state.activities);
  const defaults = state.layers.length === AVAILABLE_LAYERS.length && AVAILABLE_LAYERS.every((l) => state.layers.includes(l));
  if (!defaults) params.set('layers', state.layers.join(','));
  if (state.mode === 'list') params.set('view', 'list');
  if (state.page > 1) params.set('page', String(state.page));
  return params;
}
