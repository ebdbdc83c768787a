/**
 * The space-reuse model (issue 11, docs/reuse.md): the factors of a building's reuse-potential score
 * and their default weights. A factor's contribution is its weight × a value in [-1, 1] (rounded), so a
 * weight is the most a factor may add (or, for `constraints`, take away); a weight of 0 removes it.
 */
export const REUSE_FACTORS = [
  'condition',
  'size',
  'accessibility',
  'constraints',
  'ownership',
  'currentUse',
  'stage',
  'timeUnused',
  'demand',
  'initiatives',
  'scarcity',
] as const;
export type ReuseFactor = (typeof REUSE_FACTORS)[number];

/** The pseudo-factor that brings a sum outside 0–100 back inside (so the parts still add up to the score). */
export const REUSE_BOUNDS_FACTOR = 'bounds';

export type ReuseWeights = Record<ReuseFactor, number>;

/** The defaults: the positive weights add up to 100, so a building with everything in its favour scores 100. */
export const REUSE_DEFAULT_WEIGHTS: Readonly<ReuseWeights> = {
  condition: 15,
  size: 10,
  accessibility: 8,
  constraints: 10,
  ownership: 8,
  currentUse: 10,
  stage: 8,
  timeUnused: 5,
  demand: 20,
  initiatives: 8,
  scarcity: 8,
};

/** A weight is an integer 0–100. */
export const REUSE_WEIGHT_MAX = 100;

/** "Nearby" for the demand factor and the matches: within this many km (both placed), else the same municipality. */
export const REUSE_DEMAND_RADIUS_KM = 2;
/** Matches farther than this (both placed) are not proposed. */
export const REUSE_MATCH_MAX_KM = 10;
/** Matches per building / buildings per organization answered at most. */
export const REUSE_MATCHES_MAX = 20;
/** An assignment plan takes at most this many buildings. */
export const REUSE_PLAN_MAX_BUILDINGS = 50;

/**
 * The reuse layer's colours (docs/reuse.md, "The ranking on the map"): a building's stored score
 * (0–100) by band — `very_high` 80–100, `high` 60–79, `medium` 40–59, `low` 0–39 — and `unscored`
 * for a building the last recompute did not score yet (new since).
 */
export const REUSE_SCORE_BANDS = ['very_high', 'high', 'medium', 'low', 'unscored'] as const;
export type ReuseScoreBand = (typeof REUSE_SCORE_BANDS)[number];
/** The least score of each scored band (`unscored` has none). */
export const REUSE_SCORE_BAND_MIN: Readonly<Record<Exclude<ReuseScoreBand, 'unscored'>, number>> = {
  very_high: 80,
  high: 60,
  medium: 40,
  low: 0,
};
