import { describe, expect, it } from '@jest/globals';
import { REFERENCE_KINDS } from '@trama/contracts';
import { matchOfflineOrganizations, type ReferenceMeta, type ReferencePage, type ReferenceStore, syncReference } from './reference-sync';

const empty = () => ({ upserts: [], ids: null });

function page(overrides: Partial<ReferencePage> & Pick<ReferencePage, 'cursor' | 'complete'>): ReferencePage {
  return {
    syncedAt: '2026-12-06T10:00:00.000Z',
    municipalities: empty(),
    organizations: empty(),
    buildings: empty(),
    initiatives: empty(),
    activities: empty(),
    ...overrides,
  } as ReferencePage;
}

const org = (id: string, name = id) => ({
  id,
  version: 1,
  updatedAt: '2026-12-06T09:00:00.000000Z',
  name,
  kind: 'odv',
  municipalityId: 'm1',
});

/** The store as the Dexie one behaves, in memory. */
class MemoryStore implements ReferenceStore {
  rows = new Map<string, Map<string, { id: string }>>(REFERENCE_KINDS.map((k) => [k, new Map()]));
  saved: ReferenceMeta | null = null;
  async meta() {
    return this.saved;
  }
  async apply(p: ReferencePage, meta: ReferenceMeta) {
    for (const kind of REFERENCE_KINDS) {
      const table = this.rows.get(kind)!;
      for (const row of p[kind].upserts) table.set(row.id, row);
      const ids = p[kind].ids;
      if (ids) for (const id of [...table.keys()]) if (!ids.includes(id)) table.delete(id);
    }
    this.saved = meta;
  }
  async clear() {
    for (const table of this.rows.values()) table.clear();
    this.saved = null;
  }
  ids(kind: string) {
    return [...this.rows.get(kind)!.keys()].sort();
  }
}

const invalid = (e: unknown) => (e as { code?: string }).code === 'SYNC_CURSOR_INVALID';

describe('syncReference', () => {
  it('applies pages until complete, continues from the cursor, and drops rows missing from an id set', async () => {
    const store = new MemoryStore();
    const asked: (string | null)[] = [];
    const pages = [
      page({ cursor: 'c1', complete: false, organizations: { upserts: [org('a'), org('b')], ids: null } }),
      page({
        cursor: 'c2',
        complete: true,
        syncedAt: '2026-12-06T10:00:05.000Z',
        organizations: { upserts: [org('c')], ids: ['a', 'b', 'c'] },
      }),
    ];
    const meta = await syncReference(store, 'u1', async (since) => (asked.push(since), pages.shift()!), invalid);
    expect(asked).toEqual([null, 'c1']);
    expect(store.ids('organizations')).toEqual(['a', 'b', 'c']);
    expect(meta).toEqual({ userId: 'u1', cursor: 'c2', syncedAt: '2026-12-06T10:00:05.000Z' });

    const next = [page({ cursor: 'c3', complete: true, organizations: { upserts: [org('a', 'renamed')], ids: ['a', 'c'] } })];
    await syncReference(store, 'u1', async (since) => (asked.push(since), next.shift()!), invalid);
    expect(asked.at(-1)).toBe('c2');
    expect(store.ids('organizations')).toEqual(['a', 'c']);
    expect((store.rows.get('organizations')!.get('a') as unknown as { name: string }).name).toBe('renamed');
  });

  it("keeps an interrupted sync's pages and its age unchanged, and clears another user's data", async () => {
    const store = new MemoryStore();
    await syncReference(
      store,
      'u1',
      async () => page({ cursor: 'c1', complete: true, organizations: { upserts: [org('a')], ids: ['a'] } }),
      invalid,
    );
    const calls = [page({ cursor: 'c2', complete: false, organizations: { upserts: [org('b')], ids: null } })];
    await expect(
      syncReference(
        store,
        'u1',
        async () => {
          const next = calls.shift();
          if (!next) throw new Error('network down');
          return next;
        },
        invalid,
      ),
    ).rejects.toThrow('network down');
    expect(store.ids('organizations')).toEqual(['a', 'b']);
    expect(store.saved).toEqual({ userId: 'u1', cursor: 'c2', syncedAt: '2026-12-06T10:00:00.000Z' });

    const asked: (string | null)[] = [];
    await syncReference(store, 'u2', async (since) => (asked.push(since), page({ cursor: 'x', complete: true })), invalid);
    expect(asked).toEqual([null]);
    expect(store.ids('organizations')).toEqual([]);
  });

  it('starts over when the server refuses the cursor', async () => {
    const store = new MemoryStore();
    store.saved = { userId: 'u1', cursor: 'old', syncedAt: null };
    const asked: (string | null)[] = [];
    await syncReference(
      store,
      'u1',
      async (since) => {
        asked.push(since);
        if (since === 'old') throw Object.assign(new Error('bad cursor'), { code: 'SYNC_CURSOR_INVALID' });
        return page({ cursor: 'fresh', complete: true });
      },
      invalid,
    );
    expect(asked).toEqual(['old', null]);
    expect(store.saved?.cursor).toBe('fresh');
  });
});

describe('the organizations on the device, for the picker offline', () => {
  const municipalities = [
    { id: 'm1', istatCode: '072006', name: 'Bari', boundary: null, updatedAt: '' },
    { id: 'm2', istatCode: '072029', name: 'Molfetta', boundary: null, updatedAt: '' },
  ] as unknown as Parameters<typeof matchOfflineOrganizations>[1];
  const organizations = [
    { id: 'o3', name: 'Università Popolare', kind: 'association', municipalityId: 'm2', updatedAt: '' },
    { id: 'o1', name: 'Cooperativa Àncora', kind: 'social_cooperative', municipalityId: 'm1', updatedAt: '' },
    { id: 'o2', name: 'ancora Onlus', kind: 'association', municipalityId: 'm2', updatedAt: '' },
  ] as unknown as Parameters<typeof matchOfflineOrganizations>[0];

  it('finds names holding the text whatever their accents and case, by name, with the municipality', () => {
    const found = matchOfflineOrganizations(organizations, municipalities, ' ANCORA', 8);
    expect(found.total).toBe(2);
    expect(found.items.map((o) => o.id)).toEqual(['o2', 'o1']);
    expect(found.items[1]).toEqual({
      id: 'o1',
      name: 'Cooperativa Àncora',
      kind: 'social_cooperative',
      municipality: { id: 'm1', name: 'Bari', istatCode: '072006' },
    });
    expect(matchOfflineOrganizations(organizations, municipalities, 'universita', 8).items.map((o) => o.id)).toEqual(['o3']);
  });

  it('keeps to the limit and counts every match', () => {
    const found = matchOfflineOrganizations(organizations, municipalities, 'o', 1);
    expect(found.items).toHaveLength(1);
    expect(found.total).toBe(3);
    expect(matchOfflineOrganizations(organizations, municipalities, 'nessuna', 8)).toEqual({ items: [], total: 0 });
  });
});
