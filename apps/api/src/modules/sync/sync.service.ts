import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { REFERENCE_KINDS, REFERENCE_PAGE_SIZE, type ReferenceKind } from '@trama/contracts';
import type { AccessScope } from '../../common/access/access-scope';
import type { ReferenceQueryDto } from './dto/reference.query';
import type { ReferenceChangesResponse } from './dto/reference.response';
import { SyncErrors } from './sync.errors';
import { type KeysetPosition, SyncRepository } from './sync.repository';

/** A kind's place in the cursor: the keyset to continue after, and the hash of its ids at the last complete round. */
interface KindCursor {
  t: string | null;
  i: string;
  h: string | null;
}

/** The opaque cursor (base64url JSON): `a` hashes the assigned municipalities it was made for. */
interface Cursor {
  v: 1;
  a: string;
  k: Record<ReferenceKind, KindCursor>;
}

const NIL_UUID = '00000000-0000-0000-0000-000000000000';
/**
 * A complete kind's next round starts this long before now: a transaction that committed after this
 * answer but stamped `updated_at` earlier (it began before) is still seen, if it lasted less than this.
 * Rows of the overlap are sent twice; the phone's upsert is idempotent.
 */
export const REFERENCE_OVERLAP_MS = 120_000;
const DEFAULT_DEVICE = 'default';

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const HASH = /^[A-Za-z0-9_-]{1,64}$/;

function digest(values: readonly string[]): string {
  return createHash('sha256').update(values.join(',')).digest('base64url').slice(0, 22);
}

function encode(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

/** Reads a cursor back; anything this API did not write is SYNC_CURSOR_INVALID (a forged one can only narrow: every query is bound). */
export function decodeCursor(text: string): Cursor {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    throw SyncErrors.SYNC_CURSOR_INVALID();
  }
  const c = value as Partial<Cursor> | null;
  const kindOk = (k: unknown): k is KindCursor => {
    const x = k as Partial<KindCursor> | null;
    return (
      typeof x === 'object' &&
      x !== null &&
      (x.t === null || (typeof x.t === 'string' && TIMESTAMP.test(x.t))) &&
      typeof x.i === 'string' &&
      UUID.test(x.i) &&
      (x.h === null || (typeof x.h === 'string' && HASH.test(x.h)))
    );
  };
  if (
    typeof c !== 'object' ||
    c === null ||
    c.v !== 1 ||
    typeof c.a !== 'string' ||
    !HASH.test(c.a) ||
    typeof c.k !== 'object' ||
    c.k === null ||
    !REFERENCE_KINDS.every((kind) => kindOk((c.k as Record<string, unknown>)[kind]))
  ) {
    throw SyncErrors.SYNC_CURSOR_INVALID();
  }
  return c as Cursor;
}

/**
 * Field mode's reference data (docs/field-mode.md): the changes since a cursor, per kind, in pages.
 * Upserts are the rows whose (updated_at, id) is past the kind's keyset; removals of any cause (a
 * merged organization, an activity deleted or older than 90 days, a record moved to another
 * municipality, a municipality no longer assigned) show as a changed set of ids: when the hash of
 * the kind's ids differs from the cursor's, the answer lists them all and the phone drops the rest.
 * When the innovator's municipalities changed, every kind starts again from the beginning (a newly
 * assigned municipality's old records have old `updated_at`s).
 */
@Injectable()
export class SyncService {
  constructor(private readonly repository: SyncRepository) {}

  async reference(scope: AccessScope, query: ReferenceQueryDto): Promise<ReferenceChangesResponse> {
    const now = new Date();
    const assigned = digest([...(scope.municipalityIds('assigned') ?? ['*'])].sort());
    const previous = query.since ? decodeCursor(query.since) : null;
    const restart = previous === null || previous.a !== assigned;
    const horizon = new Date(now.getTime() - REFERENCE_OVERLAP_MS).toISOString();

    const next = {} as Record<ReferenceKind, KindCursor>;
    const answer = {} as Record<ReferenceKind, { upserts: Record<string, unknown>[]; ids: string[] | null }>;
    let complete = true;
    for (const kind of REFERENCE_KINDS) {
      const before: KindCursor = restart ? { t: null, i: NIL_UUID, h: previous?.k[kind].h ?? null } : previous.k[kind];
      const after: KeysetPosition = { updatedAt: before.t, id: before.i };
      const rows = await this.repository.changedSince(scope, kind, after, REFERENCE_PAGE_SIZE + 1);
      if (rows.length > REFERENCE_PAGE_SIZE) {
        const page = rows.slice(0, REFERENCE_PAGE_SIZE);
        const last = page[page.length - 1];
        next[kind] = { t: last.updatedAt, i: last.id, h: before.h };
        answer[kind] = { upserts: page, ids: null };
        complete = false;
        continue;
      }
      const ids = await this.repository.membership(scope, kind);
      const hash = digest(ids);
      // every row committed by now was read: the next round starts at the horizon (the overlap before now)
      next[kind] = { t: horizon, i: NIL_UUID, h: hash };
      answer[kind] = { upserts: rows, ids: hash === before.h ? null : ids };
    }
    if (complete) await this.repository.recordSync(scope, query.device ?? DEFAULT_DEVICE, now);
    return {
      cursor: encode({ v: 1, a: assigned, k: next }),
      complete,
      syncedAt: now.toISOString(),
      ...(answer as unknown as Omit<ReferenceChangesResponse, 'cursor' | 'complete' | 'syncedAt'>),
    };
  }
}
