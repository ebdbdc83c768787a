import { ACTIVITY_TYPES, INITIATIVE_STATUSES, MAP_LAYERS, ORGANIZATION_KINDS, REUSE_STAGES, type MapLayer } from '@trama/contracts';

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
    available: false,
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
};

export const AVAILABLE_LAYERS: readonly MapLayer[] = MAP_LAYERS.filter((l) => LAYER_DEFINITIONS[l].available);

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
  return index < 0 ? NO_CATEGORY_COLOR : CATEGORY_PALETTE[index % CATEGORY_PALETTE.length];
}
