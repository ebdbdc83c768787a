import { Dexie, type EntityTable } from 'dexie';
import type { OutboxItem, OutboxStore } from './outbox-types';

/** A half-typed form, kept on the device until it is saved or queued (`outbox-draft.ts`). */
export interface FormDraft {
  /** `<form>:<record id or "new">:<user id>` */
  key: string;
  values: unknown;
  savedAt: number;
}

/** IndexedDB name of the outbox (the reference data live apart, in `trama-reference`). */
export const OUTBOX_DB_NAME = 'trama-outbox';

export type OutboxDatabase = Dexie & {
  items: EntityTable<OutboxItem, 'seq'>;
  drafts: EntityTable<FormDraft, 'key'>;
};

/**
 * The outbox's IndexedDB database (Dexie): `items` in their order (`++seq`), by user and clientId;
 * `drafts` by form. A schema change is a new `version(n)` with its upgrade, never an edit of version 1.
 */
export function openOutboxDatabase(name = OUTBOX_DB_NAME, options?: ConstructorParameters<typeof Dexie>[1]): OutboxDatabase {
  const db = new Dexie(name, options) as OutboxDatabase;
  db.version(1).stores({ items: '++seq, userId, [userId+clientId]', drafts: 'key' });
  return db;
}

/** The engine's store over the database. */
export function dexieOutboxStore(db: OutboxDatabase): OutboxStore {
  return {
    list: (userId) => db.items.where('userId').equals(userId).sortBy('seq'),
    get: (seq) => db.items.get(seq),
    byClientId: (userId, clientId) => db.items.where('[userId+clientId]').equals([userId, clientId]).first(),
    add: async (item) => (await db.items.add(item)) as number,
    patch: async (seq, changes) => {
      // `undefined` clears a property (Dexie's update leaves keys set to undefined in place)
      await db.items
        .where('seq')
        .equals(seq)
        .modify((item) => {
          const record = item as unknown as Record<string, unknown>;
          for (const [key, value] of Object.entries(changes)) {
            if (value === undefined) delete record[key];
            else record[key] = value;
          }
        });
    },
    remove: (seq) => db.items.delete(seq),
  };
}
