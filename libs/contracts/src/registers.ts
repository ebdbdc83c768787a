/**
 * The three registers of the mappings (DESIGN.md: Building, Organization, Initiative) and the map:
 * their vocabularies, state machines and limits, shared by the API (validation, CHECK constraints
 * are written out in the migrations) and the web (forms, legends, filters).
 */
import type { Role } from './vocabularies';

/* ---------- buildings ---------- */
export const BUILDING_OWNERSHIPS = ['municipal', 'metro_city', 'region', 'state', 'other_public', 'private', 'confiscated'] as const;
export type BuildingOwnership = (typeof BUILDING_OWNERSHIPS)[number];

export const BUILDING_CONDITIONS = ['good', 'fair', 'poor', 'ruin'] as const;
export type BuildingCondition = (typeof BUILDING_CONDITIONS)[number];

export const BUILDING_CURRENT_USES = ['unused', 'underused', 'partly_used', 'in_use'] as const;
export type BuildingCurrentUse = (typeof BUILDING_CURRENT_USES)[number];

export const BUILDING_ACCESSIBILITY = ['accessible', 'partly_accessible', 'not_accessible', 'unknown'] as const;
export type BuildingAccessibility = (typeof BUILDING_ACCESSIBILITY)[number];

/** Constraints on the building (heritage listing and the like). */
export const BUILDING_CONSTRAINTS = ['heritage', 'landscape', 'hydrogeological', 'urban_planning', 'other'] as const;
export type BuildingConstraint = (typeof BUILDING_CONSTRAINTS)[number];

export const SUITABLE_USES = ['social', 'cultural', 'economic', 'sport', 'education', 'housing'] as const;
export type SuitableUse = (typeof SUITABLE_USES)[number];

/** The reuse pipeline: mapped → assessed → planned → assigned → active, or discarded. */
export const REUSE_STAGES = ['mapped', 'assessed', 'planned', 'assigned', 'active', 'discarded'] as const;
export type ReuseStage = (typeof REUSE_STAGES)[number];

/**
 * Which stage may follow which: one step forward along the pipeline; any stage but `discarded` may
 * be discarded (a reason is required); only a coordinator brings a discarded building back to `mapped`.
 */
export const REUSE_STAGE_TRANSITIONS: Readonly<Record<ReuseStage, readonly ReuseStage[]>> = {
  mapped: ['assessed', 'discarded'],
  assessed: ['planned', 'discarded'],
  planned: ['assigned', 'discarded'],
  assigned: ['active', 'discarded'],
  active: ['discarded'],
  discarded: ['mapped'],
};

/** Whether `role` may move a building from `from` to `to` (the API enforces it; the web hides what it would refuse). */
export function canMoveReuseStage(role: Role, from: ReuseStage, to: ReuseStage): boolean {
  if (!REUSE_STAGE_TRANSITIONS[from].includes(to)) return false;
  if (role === 'municipality') return false;
  if (from === 'discarded') return role === 'coordinator' || role === 'admin';
  return true;
}

/** How a building is assigned to an organization. */
export const ASSIGNMENT_INSTRUMENTS = ['call', 'collaboration_pact', 'free_loan', 'concession', 'lease', 'other'] as const;
export type AssignmentInstrument = (typeof ASSIGNMENT_INSTRUMENTS)[number];

/** The expiry list: assignments ending within this many months (1–60, default 6), and those already ended. */
export const EXPIRING_DEFAULT_MONTHS = 6;
export const EXPIRING_MAX_MONTHS = 60;
/** Photos per building at most. */
export const BUILDING_MAX_PHOTOS = 30;

/* ---------- organizations ---------- */
/** The RUNTS sections first, then the other kinds. */
export const RUNTS_ORGANIZATION_KINDS = ['odv', 'aps', 'social_enterprise', 'philanthropic', 'network', 'mutual_aid', 'other_ets'] as const;

/** The people who are the organization's target (beneficiaries). */
export const TARGET_GROUPS = [
  'children',
  'youth',
  'adults',
  'elderly',
  'families',
  'women',
  'migrants',
  'people_with_disabilities',
  'unemployed',
  'people_in_poverty',
  'detainees',
  'students',
  'general_public',
] as const;
export type TargetGroup = (typeof TARGET_GROUPS)[number];

/** Size by people involved (staff and volunteers): micro 1–9, small 10–49, medium 50–249, large 250+. */
export const ORGANIZATION_SIZES = ['micro', 'small', 'medium', 'large'] as const;
export type OrganizationSize = (typeof ORGANIZATION_SIZES)[number];

/* ---------- initiatives ---------- */
export const INITIATIVE_STATUSES = ['idea', 'planned', 'running', 'completed', 'stopped'] as const;
export type InitiativeStatus = (typeof INITIATIVE_STATUSES)[number];

/** idea → planned → running → completed, or stopped from any open status; a stopped initiative may restart as planned. */
export const INITIATIVE_STATUS_TRANSITIONS: Readonly<Record<InitiativeStatus, readonly InitiativeStatus[]>> = {
  idea: ['planned', 'stopped'],
  planned: ['running', 'stopped'],
  running: ['completed', 'stopped'],
  completed: [],
  stopped: ['planned'],
};

export const FUNDING_SOURCES = [
  'eu',
  'national',
  'regional',
  'metro_city',
  'municipal',
  'private',
  'foundation',
  'crowdfunding',
  'own',
  'other',
] as const;
export type FundingSource = (typeof FUNDING_SOURCES)[number];

/**
 * Public funding: an initiative funded from one of these sources needs its CUP once it is running or
 * completed (law 3/2003 art. 11: every public investment project carries one). docs/initiatives.md.
 */
export const PUBLIC_FUNDING_SOURCES: readonly FundingSource[] = ['eu', 'national', 'regional', 'metro_city', 'municipal'];
/** The statuses in which a publicly funded initiative must carry its CUP. */
export const INITIATIVE_STATUSES_NEEDING_CUP: readonly InitiativeStatus[] = ['running', 'completed'];

/** CUP (Codice Unico di Progetto): 15 characters, a letter, 2 digits, a letter, 11 letters/digits (e.g. `J91B21000010006`). */
export const CUP_PATTERN = /^[A-Z][0-9]{2}[A-Z][0-9A-Z]{11}$/;

/* ---------- freshness ---------- */
/** A record not verified on site for this many months (1–120, default 12) is stale. */
export const STALE_DEFAULT_MONTHS = 12;
export const STALE_MAX_MONTHS = 120;

/* ---------- the map ---------- */
/** The registers' layers, then the reuse-potential ranking's (`reuse`: the buildings coloured by score band, docs/reuse.md). */
export const MAP_LAYERS = ['buildings', 'organizations', 'initiatives', 'activities', 'reuse'] as const;
export type MapLayer = (typeof MAP_LAYERS)[number];
/** Zoom levels the layer endpoint accepts (Web Mercator, as Leaflet). */
export const MAP_MIN_ZOOM = 0;
export const MAP_MAX_ZOOM = 22;
/** A viewport holding more points than this is answered with clusters. */
export const MAP_MAX_POINTS = 2000;

/* ---------- register exports ---------- */
export const REGISTER_EXPORT_FORMATS = ['csv', 'csv-it', 'xlsx', 'geojson'] as const;
export type RegisterExportFormat = (typeof REGISTER_EXPORT_FORMATS)[number];

/* ---------- imports ---------- */
/** A CSV import reads at most this many rows and this many bytes. */
export const IMPORT_MAX_ROWS = 5000;
export const IMPORT_MAX_BYTES = 5 * 1024 * 1024;
