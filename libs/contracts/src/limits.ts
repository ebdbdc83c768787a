/** Limits and caps of the API, shared by the server (validation, queries) and the web (forms, paging). */
import type { ActivityStatus } from './vocabularies';

/* ---------- lists ---------- */
export const MAX_PAGE_SIZE = 200;
export const DEFAULT_PAGE_SIZE = 50;
/** The last page a list serves: OFFSET stays below MAX_PAGE × MAX_PAGE_SIZE (2 million rows); filter to go further. */
export const MAX_PAGE = 10_000;

/* ---------- auth ---------- */
/** Passwords: at least 10 characters (no other composition rule, per NIST SP 800-63B). */
export const MIN_PASSWORD_LENGTH = 10;

/* ---------- activities ---------- */
/**
 * `-date` (default): newest first; `date`: oldest first; `submitted`: the review queue, oldest
 * submission first (`submittedAt`, then id). `submitted` needs `status=submitted`.
 */
export const ACTIVITY_SORTS = ['-date', 'date', 'submitted'] as const;
export type ActivitySort = (typeof ACTIVITY_SORTS)[number];
/** Lists count matches up to this number: beyond it `total` is this cap and `totalCapped` is true. */
export const ACTIVITY_COUNT_CAP = 10_000;

/* ---------- staff output ---------- */
/** An assigned municipality is "not visited" without an activity of the innovator there in the last staleDays days (1–365, default 30). */
export const STAFF_OUTPUT_DEFAULT_STALE_DAYS = 30;
export const STAFF_OUTPUT_MAX_STALE_DAYS = 365;
/** `to` is at most 3 years after `from`. */
export const STAFF_OUTPUT_MAX_YEARS = 3;
/** Hours and participants count the activities in these statuses (drafts and returned activities are not reported work yet). */
export const STAFF_OUTPUT_REPORTED_STATUSES = ['submitted', 'approved'] as const satisfies readonly ActivityStatus[];

/**
 * How long a reviewer may undo their approve or return (seconds), while the author has not acted
 * (docs/activities.md, "Undo"). The web offers the undo for a shorter time (`ACTIVITY_UNDO_OFFER_SECONDS`),
 * so that a click at its last moment still reaches the server in time.
 */
export const ACTIVITY_UNDO_SECONDS = 120;
export const ACTIVITY_UNDO_OFFER_SECONDS = 15;

/* ---------- home (each role's summary at `/`) ---------- */
/** "Not visited / not active lately": no activity in the last staleDays days (1–365, default 30). */
export const HOME_DEFAULT_STALE_DAYS = 30;
export const HOME_MAX_STALE_DAYS = 365;
/** A home's short lists (returned, drafts, submitted, latest approved, expiring) show at most this many items each. */
export const HOME_LIST_LIMIT = 5;
/** The municipality home's period defaults to the last 90 days, today included (Italian time). */
export const HOME_DEFAULT_PERIOD_DAYS = 90;
/** The municipality home's map shows at most this many points (the latest of the period). */
export const HOME_MAX_POINTS = 1000;
/** The coordinator home lists at most this many innovators not active lately (the longest inactive first). */
export const HOME_MAX_INACTIVE = 200;
