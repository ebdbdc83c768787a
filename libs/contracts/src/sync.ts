/**
 * Field mode's reference data (docs/field-mode.md): what an innovator's phone keeps offline, read
 * from `GET /api/sync/reference` (changes since an opaque cursor) into IndexedDB.
 */
export const REFERENCE_KINDS = ['municipalities', 'organizations', 'buildings', 'initiatives', 'activities'] as const;
export type ReferenceKind = (typeof REFERENCE_KINDS)[number];

/** Rows of one kind per page of `GET /api/sync/reference` (the call says `complete: false` when more follow). */
export const REFERENCE_PAGE_SIZE = 500;
/** The innovator's own activities kept offline: those dated in the last N days. */
export const REFERENCE_ACTIVITY_DAYS = 90;
/** The longest cursor the API accepts (it is opaque: base64url JSON). */
export const REFERENCE_CURSOR_MAX_LENGTH = 2000;
/** A device names itself with a random id (8–64 characters of [A-Za-z0-9_-]). */
export const SYNC_DEVICE_PATTERN = '^[A-Za-z0-9_-]{8,64}$';
/** Staff output: an innovator whose phone has not synced for more than N days is highlighted. */
export const SYNC_STALE_DAYS = 3;
