/*
 * The collaboration model (docs/collaborations.md): its factors, their default weights and the
 * codes of the reasons a suggestion carries. Shared by the API (scoring, validation) and the web
 * (labels of the weights form, texts of the reasons).
 */

/** The factors of a suggestion's score, each weighted by the tenant's coordinators. */
export const COLLABORATION_FACTORS = ['complementarity', 'themes', 'targetGroups', 'territory', 'kindRarity', 'distance'] as const;
export type CollaborationFactor = (typeof COLLABORATION_FACTORS)[number];

/** The weight of one factor: an integer from 0 (the factor is left out) to 100. */
export const COLLABORATION_WEIGHT_MAX = 100;

export const DEFAULT_COLLABORATION_WEIGHTS: Readonly<Record<CollaborationFactor, number>> = {
  complementarity: 35,
  themes: 20,
  targetGroups: 10,
  territory: 15,
  kindRarity: 10,
  distance: 10,
};

/** The half-life of a link in the network, in months (a joint activity that old weighs half). */
export const COLLABORATION_HALF_LIFE = { min: 1, max: 120, default: 18 } as const;
/** Pairs closer than this many hops (in the same community) are not "distant". */
export const COLLABORATION_MAX_HOPS = { min: 1, max: 6, default: 2 } as const;
/** Suggestions scoring below this (0–100) are not kept. */
export const COLLABORATION_MIN_SCORE = { min: 0, max: 100, default: 20 } as const;

/**
 * The codes of the reasons (one per factor that contributes), rendered by the web from
 * `params` or read in words from `text` (the caller's language).
 */
export const COLLABORATION_REASON_CODES = [
  'offers_meet_needs',
  'shared_themes',
  'shared_target_groups',
  'same_municipality',
  'neighbouring_municipalities',
  'rare_kinds',
  'no_path',
  'far_in_network',
  'different_communities',
] as const;
export type CollaborationReasonCode = (typeof COLLABORATION_REASON_CODES)[number];

export const COLLABORATION_SUGGESTION_STATUSES = ['open', 'accepted', 'dismissed'] as const;
export type CollaborationSuggestionStatus = (typeof COLLABORATION_SUGGESTION_STATUSES)[number];

export const COLLABORATION_RUN_STATES = ['idle', 'pending', 'running', 'failed'] as const;
export type CollaborationRunState = (typeof COLLABORATION_RUN_STATES)[number];

/** A dismissal's reason: free text, required. */
export const COLLABORATION_DISMISS_REASON_MAX = 500;
/** The network drawn: at most this many organizations (the most linked first). */
export const COLLABORATION_NETWORK_MAX_NODES = 2000;
