import { Dexie, type EntityTable } from 'dexie';
import type { ReferenceKind } from '@trama/contracts';
import { referenceKinds, type ReferenceMeta, type ReferencePage, type ReferenceRows, type ReferenceStore } from './reference-sync';

/** IndexedDB name of the reference data (the outbox lives apart, in `trama-outbox`). */
export const REFERENCE_DB_NAME = 'trama-reference';

export type ReferenceDatabase = Dexie & { [K in ReferenceKind]: EntityTable<ReferenceRows[K], 'id'> } & {
  meta: EntityTable<ReferenceMeta & { key: 'sync' }, 'key'>;
};

/**
 * The reference data's IndexedDB database (Dexie): one table per kind by id (and municipality, for
 * the pickers), `meta` with the cursor and the age. A schema change is a new `version(n)`.
 */
export function openReferenceDatabase(name = REFERENCE_DB_NAME, options?: ConstructorParameters<typeof Dexie>[1]): ReferenceDatabase {
  const db = new Dexie(name, options) as ReferenceDatabase;
  db.version(1).stores({
    municipalities: 'id, istatCode',
    organizations: 'id, municipalityId',
    buildings: 'id, municipalityId',
    initiatives: 'id, municipalityId',
    activities: 'id, municipalityId, date',
    meta: 'key',
  });
  return db;
}

/** The sync's store over the database. */
export function dexieReferenceStore(db: ReferenceDatabase): ReferenceStore {
  const tables = () => [...referenceKinds.map((kind) => db[kind] as EntityTable<{ id: string }, 'id'>), db.meta];
  return {
    meta: async () => {
      const row = await db.meta.get('sync');
      return row ? { userId: row.userId, cursor: row.cursor, syncedAt: row.syncedAt } : null;
    },
    apply: (page: ReferencePage, meta: ReferenceMeta) =>
      db.transaction('rw', tables(), async () => {
        for (const kind of referenceKinds) {
          const table = db[kind] as EntityTable<{ id: string }, 'id'>;
          const changes = page[kind];
          if (changes.upserts.length > 0) await table.bulkPut(changes.upserts);
          if (changes.ids) await table.where('id').noneOf(changes.ids).delete();
        }
        await db.meta.put({ key: 'sync', ...meta });
      }),
    clear: () =>
      db.transaction('rw', tables(), async () => {
        for (const table of tables()) await table.clear();
      }),
  };
}
