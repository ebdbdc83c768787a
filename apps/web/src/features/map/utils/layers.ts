import {
  ACTIVITY_TYPES,
  INITIATIVE_STATUSES,
  MAP_LAYERS,
  ORGANIZATION_KINDS,
  REUSE_SCORE_BANDS,
  REUSE_STAGES,
  type MapLayer,
} from '@trama/contracts';

/**
 * What the web knows of each layer of MAP_LAYERS (docs/map.md, "Adding a layer"): whether the API
 * serves it yet, what colours its points (the category the server sends) and where a record opens.
 */
export interface MapLayerDefinition {
  layer: MapLayer;
  /** the API serves `GET /api/map/layers/<layer>`: a layer not served yet is shown disabled */
  available: boolean;
  /** the category's vocabulary, in legend order */
  categories: readonly string[];
  /** i18n prefix of a category's label: `${prefix}.${category}` */
  categoryLabels: string;
  /** the page of a record */
  detailPath: (id: string) => string;
  /** false: off until the user turns it on (the default view is the registers) */
  onByDefault?: false;
  /** colours of the categories (same order) instead of CATEGORY_PALETTE: an ordered scale */
  palette?: readonly string[];
}

export const LAYER_DEFINITIONS: Record<MapLayer, MapLayerDefinition> = {
  buildings: {
    layer: 'buildings',
    available: true,
    categories: REUSE_STAGES,
    categoryLabels: 'vocab.reuseStage',
    detailPath: (id) => `/immobili/${id}`,
  },
  organizations: {
    layer: 'organizations',
    available: true,
    categories: ORGANIZATION_KINDS,
    categoryLabels: 'vocab.organizationKind',
    detailPath: (id) => `/organizzazioni/${id}`,
  },
  initiatives: {
    layer: 'initiatives',
    available: true,
    categories: INITIATIVE_STATUSES,
    categoryLabels: 'vocab.initiativeStatus',
    detailPath: (id) => `/iniziative/${id}`,
  },
  activities: {
    layer: 'activities',
    available: true,
    categories: ACTIVITY_TYPES,
    categoryLabels: 'vocab.activityType',
    detailPath: (id) => `/attivita/${id}`,
  },
  // the reuse-potential ranking (docs/reuse.md): the buildings by their score's band
  reuse: {
    layer: 'reuse',
    available: true,
    categories: REUSE_SCORE_BANDS,
    categoryLabels: 'vocab.reuseBand',
    detailPath: (id) => `/immobili/${id}`,
    onByDefault: false,
    // very high → low: dark to light green (ColorBrewer Greens), then "not scored yet" white
    palette: ['#00441B', '#238B45', '#74C476', '#C7E9C0', '#FFFFFF'],
  },
};

export const AVAILABLE_LAYERS: readonly MapLayer[] = MAP_LAYERS.filter((l) => LAYER_DEFINITIONS[l].available);
/** The layers a map without `layers` in its URL shows. */
export const DEFAULT_LAYERS: readonly MapLayer[] = AVAILABLE_LAYERS.filter((l) => LAYER_DEFINITIONS[l].onByDefault !== false);

/**
 * Fill colours of the categories, by position in the vocabulary (Okabe–Ito, then Tol's): every
 * point also has a dark outline (3:1 against the map whatever the fill), and colour is never the
 * only cue: the legend, the tooltip, the side panel and the list name the category.
 */
export const CATEGORY_PALETTE = [
  '#0072B2',
  '#E69F00',
  '#009E73',
  '#CC79A7',
  '#D55E00',
  '#56B4E9',
  '#F0E442',
  '#882255',
  '#117733',
  '#332288',
  '#999933',
  '#AA4499',
] as const;
export const NO_CATEGORY = 'none';
export const NO_CATEGORY_COLOR = '#FFFFFF';

export function categoryColor(definition: MapLayerDefinition, category: string | null | undefined): string {
  const index = category ? definition.categories.indexOf(category) : -1;
  if (index < 0) return NO_CATEGORY_COLOR;
  return definition.palette?.[index] ?? CATEGORY_PALETTE[index % CATEGORY_PALETTE.length];
}
