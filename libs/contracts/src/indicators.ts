/**
 * Result indicators (DESIGN.md, Indicators; docs/indicators.md): vocabularies, the period and
 * territory syntaxes with their parsers (one implementation for the API and the web), the keys of
 * the computed indicators and the read types of `GET /api/indicators/<code>/values`.
 */
import type { ActivityType } from './vocabularies';
import type { ReuseStage } from './registers';

/* ---------- definitions ---------- */
export const INDICATOR_CODE_PATTERN = /^[a-z][a-z0-9_]{1,62}$/;

export const INDICATOR_UNITS = ['count', 'people', 'euro', 'percent', 'hours', 'square_metres', 'other'] as const;
export type IndicatorUnit = (typeof INDICATOR_UNITS)[number];

export const INDICATOR_KINDS = ['output', 'result', 'context'] as const;
export type IndicatorKind = (typeof INDICATOR_KINDS)[number];

/** How values combine over time (month → quarter → year) and over territory (municipality → social area → tenant). */
export const INDICATOR_AGGREGATIONS = ['sum', 'last', 'avg', 'max'] as const;
export type IndicatorAggregation = (typeof INDICATOR_AGGREGATIONS)[number];

/** Which way is better: `higher` (initiatives realised) or `lower` (crimes reported). */
export const INDICATOR_DIRECTIONS = ['higher', 'lower'] as const;
export type IndicatorDirection = (typeof INDICATOR_DIRECTIONS)[number];

export const INDICATOR_SOURCES = ['manual', 'computed'] as const;
export type IndicatorSource = (typeof INDICATOR_SOURCES)[number];

/**
 * The computed indicators: read from the records, never typed. A definition with source
 * `computed` names one of these keys in `computation`, with optional `computationParams`
 * (the parameters each key accepts are listed here; anything else is refused).
 */
export const COMPUTED_INDICATORS = [
  'community_managers_hired',
  'initiatives_realised',
  'initiatives_running',
  'activities_held',
  'activity_participants',
  'buildings_mapped',
  'buildings_in_stage',
  'buildings_reactivated',
  'organizations_mapped',
  'new_collaborations',
  'project_funds_committed',
  'project_funds_paid',
  'project_beneficiaries',
] as const;
export type ComputedIndicator = (typeof COMPUTED_INDICATORS)[number];

/** The parameters a computation accepts (`activityType`: one of ACTIVITY_TYPES; `stage`: one of REUSE_STAGES). */
export interface IndicatorComputationParams {
  activityType?: ActivityType;
  stage?: ReuseStage;
}
export const COMPUTATION_PARAMS: Readonly<Record<ComputedIndicator, readonly (keyof IndicatorComputationParams)[]>> = {
  community_managers_hired: [],
  initiatives_realised: [],
  initiatives_running: [],
  activities_held: ['activityType'],
  activity_participants: ['activityType'],
  buildings_mapped: [],
  buildings_in_stage: ['stage'],
  buildings_reactivated: [],
  organizations_mapped: [],
  new_collaborations: [],
  project_funds_committed: [],
  project_funds_paid: [],
  project_beneficiaries: [],
};
/** Computations that cannot run without a parameter. */
export const COMPUTATION_REQUIRED_PARAMS: Readonly<Partial<Record<ComputedIndicator, keyof IndicatorComputationParams>>> = {
  buildings_in_stage: 'stage',
};

/** The codes seeded for every tenant (the three of the programme first). */
export const PROGRAMME_INDICATOR_CODES = ['community_managers_hired', 'initiatives_realised', 'crimes_reported'] as const;

/* ---------- limits ---------- */
export const INDICATOR_NAME_MAX = 200;
export const INDICATOR_DESCRIPTION_MAX = 4000;
export const INDICATOR_SOURCE_NOTE_MAX = 2000;
export const INDICATOR_DECIMALS_MAX = 4;
/** Years a target, baseline or value may refer to. */
export const INDICATOR_YEAR_MIN = 2000;
export const INDICATOR_YEAR_MAX = 2100;
/** |value| bound for entered values, targets and baselines (numeric(18,4) in the database). */
export const INDICATOR_VALUE_MAX = 1e13;
/** Targets per PUT at most; rows per CSV import at most. */
export const INDICATOR_TARGETS_MAX = 2000;
export const INDICATOR_IMPORT_MAX_ROWS = 20_000;
/** per capita: per this many inhabitants */
export const PER_CAPITA_BASE = 1000;

/* ---------- values ---------- */
export const INDICATOR_VALUE_STATUSES = ['draft', 'validated'] as const;
export type IndicatorValueStatus = (typeof INDICATOR_VALUE_STATUSES)[number];

export const PERIOD_GRAINS = ['year', 'quarter', 'month'] as const;
export type PeriodGrain = (typeof PERIOD_GRAINS)[number];

/** `2026`, `2026-Q3`, `2026-09` (the database CHECK repeats it). */
export const PERIOD_PATTERN = /^([0-9]{4})(?:-Q([1-4])|-(0[1-9]|1[0-2]))?$/;

export interface ParsedPeriod {
  /** canonical code */
  code: string;
  grain: PeriodGrain;
  year: number;
  /** 1–4 for a quarter */
  quarter?: number;
  /** 1–12 for a month */
  month?: number;
  /** first day, ISO `YYYY-MM-DD` */
  start: string;
  /** last day, ISO `YYYY-MM-DD` */
  end: string;
}

const pad2 = (n: number) => String(n).padStart(2, '0');
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** Parses a period code; null when malformed or outside INDICATOR_YEAR_MIN–MAX. */
export function parsePeriod(text: string): ParsedPeriod | null {
  if (typeof text !== 'string') return null;
  const m = PERIOD_PATTERN.exec(text.trim());
  if (!m) return null;
  const year = Number(m[1]);
  if (year < INDICATOR_YEAR_MIN || year > INDICATOR_YEAR_MAX) return null;
  if (m[2]) {
    const quarter = Number(m[2]);
    const first = (quarter - 1) * 3 + 1;
    return {
      code: `${year}-Q${quarter}`,
      grain: 'quarter',
      year,
      quarter,
      start: `${year}-${pad2(first)}-01`,
      end: `${year}-${pad2(first + 2)}-${pad2(lastDay(year, first + 2))}`,
    };
  }
  if (m[3]) {
    const month = Number(m[3]);
    return {
      code: `${year}-${pad2(month)}`,
      grain: 'month',
      year,
      month,
      start: `${year}-${pad2(month)}-01`,
      end: `${year}-${pad2(month)}-${pad2(lastDay(year, month))}`,
    };
  }
  return { code: String(year), grain: 'year', year, start: `${year}-01-01`, end: `${year}-12-31` };
}

/** The period of `grain` containing the day `date` (`YYYY-MM-DD`). */
export function periodContaining(date: string, grain: PeriodGrain): string {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  if (grain === 'year') return String(year);
  if (grain === 'quarter') return `${year}-Q${Math.floor((month - 1) / 3) + 1}`;
  return `${year}-${pad2(month)}`;
}

/** Every period of `grain` from the one containing `from` to the one containing `to` (inclusive, ascending). */
export function periodsBetween(from: string, to: string, grain: PeriodGrain): string[] {
  const a = parsePeriod(periodContaining(from, grain));
  const b = parsePeriod(periodContaining(to, grain));
  if (!a || !b || a.start > b.start) return [];
  const out: string[] = [];
  let y = a.year;
  let i = grain === 'quarter' ? a.quarter! : grain === 'month' ? a.month! : 1;
  const per = grain === 'quarter' ? 4 : grain === 'month' ? 12 : 1;
  for (;;) {
    const code = grain === 'year' ? String(y) : grain === 'quarter' ? `${y}-Q${i}` : `${y}-${pad2(i)}`;
    out.push(code);
    if (code === b.code) return out;
    i += 1;
    if (i > per) {
      i = 1;
      y += 1;
    }
  }
}

/** The finer periods making up `period` at `grain` (a year → 4 quarters or 12 months; a quarter → 3 months); [] when `grain` is coarser. */
export function periodChildren(period: string, grain: PeriodGrain): string[] {
  const p = parsePeriod(period);
  if (!p) return [];
  const rank = { year: 0, quarter: 1, month: 2 } as const;
  if (rank[grain] < rank[p.grain]) return [];
  return periodsBetween(p.start, p.end, grain);
}

/* ---------- territory ---------- */
export const INDICATOR_TERRITORY_KINDS = ['tenant', 'social_area', 'municipality'] as const;
export type IndicatorTerritoryKind = (typeof INDICATOR_TERRITORY_KINDS)[number];

/** The territory of a value or target: the whole tenant, one social area (by code), one municipality (by ISTAT code). */
export type TerritoryRef = { kind: 'tenant' } | { kind: 'social_area'; code: string } | { kind: 'municipality'; istatCode: string };

/** `tenant` | `socialArea:<code>` | `municipality:<istat>` (query parameters, CSV, responses). */
export const TERRITORY_PARAM_PATTERN = /^(tenant|socialArea:[A-Za-z0-9_.-]{1,64}|municipality:[0-9]{6})$/;

/** Parses the territory syntax; null when malformed. */
export function parseTerritoryParam(text: string): TerritoryRef | null {
  if (typeof text !== 'string') return null;
  const t = text.trim();
  if (!TERRITORY_PARAM_PATTERN.test(t)) return null;
  if (t === 'tenant') return { kind: 'tenant' };
  if (t.startsWith('socialArea:')) return { kind: 'social_area', code: t.slice('socialArea:'.length) };
  return { kind: 'municipality', istatCode: t.slice('municipality:'.length) };
}

export function formatTerritoryParam(ref: TerritoryRef): string {
  if (ref.kind === 'tenant') return 'tenant';
  if (ref.kind === 'social_area') return `socialArea:${ref.code}`;
  return `municipality:${ref.istatCode}`;
}

/** `by=` of the read endpoint: the territories to list under the chosen one. */
export const INDICATOR_BREAKDOWNS = ['municipality', 'socialArea'] as const;
export type IndicatorBreakdown = (typeof INDICATOR_BREAKDOWNS)[number];

/* ---------- progress ---------- */
export const INDICATOR_PROGRESS_STATUSES = ['reached', 'on_track', 'behind'] as const;
export type IndicatorProgressStatus = (typeof INDICATOR_PROGRESS_STATUSES)[number];

/* ---------- read types (GET /api/indicators/<code>/values) ---------- */
/** The summary of a definition carried by every read response. */
export interface IndicatorDefinitionSummary {
  code: string;
  nameIt: string;
  nameEn: string;
  unit: IndicatorUnit;
  kind: IndicatorKind;
  timeAggregation: IndicatorAggregation;
  territoryAggregation: IndicatorAggregation;
  direction: IndicatorDirection;
  perCapita: boolean;
  decimals: number;
  source: IndicatorSource;
  computation: ComputedIndicator | null;
  baselineValue: number | null;
  baselineYear: number | null;
}

export interface IndicatorValuePoint {
  /** territory syntax: `tenant` | `socialArea:<code>` | `municipality:<istat>` */
  territory: string;
  territoryName: string;
  period: string;
  /** null = missing, never 0 */
  value: number | null;
  target: number | null;
  progress: { share: number | null; status: IndicatorProgressStatus | null } | null;
  /** the population used for per-capita values */
  population?: number | null;
}

export interface IndicatorValuesResponse {
  indicator: IndicatorDefinitionSummary;
  grain: PeriodGrain;
  perCapita: boolean;
  includeDrafts: boolean;
  items: IndicatorValuePoint[];
}
