import type { ResponseOf } from '@trama/api-client';
import { REFERENCE_KINDS, type ReferenceKind } from '@trama/contracts';

/** One page of `GET /api/sync/reference`. */
export type ReferencePage = ResponseOf<'getReferenceChanges'>;
/** The rows the phone keeps, per kind. */
export type ReferenceRows = { [K in ReferenceKind]: ReferencePage[K]['upserts'][number] };

/** Where the sync stands on this device: whose data, the cursor to continue from, the server time of the last complete round. */
export interface ReferenceMeta {
  userId: string;
  cursor: string | null;
  /** ISO time of the last complete round (the age the header shows) */
  syncedAt: string | null;
}

/** The device's store (IndexedDB through Dexie in the app, a Map in the tests). */
export interface ReferenceStore {
  meta(): Promise<ReferenceMeta | null>;
  /** Applies one page in one transaction: upserts, the kinds' id sets (rows not listed are dropped), the new meta. */
  apply(page: ReferencePage, meta: ReferenceMeta): Promise<void>;
  /** Forgets everything (another user signed in on this browser). */
  clear(): Promise<void>;
}

/** Asks the server for one page after `since` (null: everything). */
export type FetchReferencePage = (since: string | null) => Promise<ReferencePage>;

/** Rounds of pages in one sync at most: a server answering `complete: false` forever cannot spin the phone. */
const MAX_PAGES = 200;

/**
 * One sync of the reference data: pages until the server says `complete`, each applied at once (an
 * interrupted sync keeps what it received and continues from its cursor). The data of another
 * user is cleared first. A cursor the server no longer accepts (SYNC_CURSOR_INVALID) starts over.
 */
export async function syncReference(
  store: ReferenceStore,
  userId: string,
  fetchPage: FetchReferencePage,
  isInvalidCursor: (error: unknown) => boolean,
): Promise<ReferenceMeta> {
  let meta = await store.meta();
  if (meta && meta.userId !== userId) {
    await store.clear();
    meta = null;
  }
  let cursor = meta?.cursor ?? null;
  let syncedAt = meta?.syncedAt ?? null;
  for (let pages = 0; pages < MAX_PAGES; pages += 1) {
    let page: ReferencePage;
    try {
      page = await fetchPage(cursor);
    } catch (error) {
      if (cursor === null || !isInvalidCursor(error)) throw error;
      cursor = null;
      continue;
    }
    if (page.complete) syncedAt = page.syncedAt;
    const next: ReferenceMeta = { userId, cursor: page.cursor, syncedAt };
    await store.apply(page, next);
    cursor = page.cursor;
    if (page.complete) return next;
  }
  throw new Error('reference sync: the server did not complete a round');
}

/** The kinds in their order (for stores that loop). */
export const referenceKinds = REFERENCE_KINDS;

const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLocaleLowerCase('it');

/** An organization as the pickers show it, found on the device: its kind and its municipality's name. */
export interface OfflineOrganizationMatch {
  id: string;
  name: string;
  kind: string;
  municipality: { id: string; name: string; istatCode: string };
}

/**
 * The organizations on this device whose name holds `q` (accents and case ignored), by name, with their
 * municipality: what the organizations' picker answers without network.
 */
export function matchOfflineOrganizations(
  organizations: readonly ReferenceRows['organizations'][],
  municipalities: readonly ReferenceRows['municipalities'][],
  q: string,
  limit: number,
): { items: OfflineOrganizationMatch[]; total: number } {
  const byId = new Map(municipalities.map((m) => [m.id, m]));
  const needle = fold(q.trim());
  const found = organizations
    .filter((o) => fold(o.name).includes(needle))
    .sort((a, b) => a.name.localeCompare(b.name, 'it') || (a.id < b.id ? -1 : 1));
  return {
    total: found.length,
    items: found.slice(0, limit).map((o) => {
      const m = byId.get(o.municipalityId);
      return {
        id: o.id,
        name: o.name,
        kind: o.kind,
        municipality: { id: o.municipalityId, name: m?.name ?? '', istatCode: m?.istatCode ?? '' },
      };
    }),
  };
}
