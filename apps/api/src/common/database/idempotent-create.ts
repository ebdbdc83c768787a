import { createHash } from 'node:crypto';
import type { EntityTarget, ObjectLiteral } from 'typeorm';
import type { AccessScope } from '../access/access-scope';
import type { ScopedTx } from '../access/scoped-data';

/**
 * Stable JSON of a value: object keys sorted, arrays in their order, `undefined` members dropped
 * (as JSON.stringify does). What "the same body" means for a retried clientId.
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** sha256 (hex) of the canonical JSON of a request body. */
export function bodyHash(body: unknown): string {
  return createHash('sha256').update(canonicalJson(body)).digest('hex');
}

export interface IdempotentCreate<T extends ObjectLiteral> {
  /** the row to insert (without clientId and hash); the door binds the tenant and stamps the author */
  values: Partial<T>;
  /** the key the client chose (unique per tenant in the table: a unique index on (tenant_id, client_id)) */
  clientId: string;
  /**
   * What "the same request" means: the normalised body (sets sorted), plus whatever must match for
   * a retry to count as one (e.g. `author: scope.actor.id`, so that nobody else replays a key).
   */
  body: unknown;
  /** the error for a clientId already used with another body (a 409) */
  conflict: () => Error;
  /** entity properties holding the key and the hash; default `clientId` and `clientHash` */
  clientIdProperty?: string;
  hashProperty?: string;
}

/**
 * Idempotent creation by clientId (every register and the offline outbox): `INSERT … ON CONFLICT
 * DO NOTHING RETURNING id`; when the key is taken, the stored hash decides: the same body returns
 * the existing row (`created: false`), a different one throws `conflict()`. Safe under
 * concurrency: the unique index decides, and a concurrent twin waits for the first insert to
 * commit, then finds its row. Run it in the transaction that also writes the audit entry, and
 * audit only when `created`.
 */
export async function createIdempotent<T extends ObjectLiteral>(
  tx: ScopedTx,
  scope: AccessScope,
  target: EntityTarget<T>,
  request: IdempotentCreate<T>,
): Promise<{ id: string; created: boolean; hash: string }> {
  const clientIdProperty = request.clientIdProperty ?? 'clientId';
  const hashProperty = request.hashProperty ?? 'clientHash';
  const hash = bodyHash(request.body);
  const [inserted] = await tx.insert<T, { id: string }>(
    scope,
    target,
    { ...request.values, [clientIdProperty]: request.clientId, [hashProperty]: hash },
    { orIgnore: true, returning: 'id' },
  );
  if (inserted) return { id: inserted.id, created: true, hash };

  // property paths: TypeORM maps them to the columns
  const existing = tx
    .select(scope, target, 'existing')
    .select(['existing.id', `existing.${hashProperty}`])
    .andWhere(`existing.${clientIdProperty} = :idempotentClientId`, { idempotentClientId: request.clientId });
  const tenantId = (request.values as Record<string, unknown>).tenantId;
  if (typeof tenantId === 'string') existing.andWhere('existing.tenantId = :idempotentTenant', { idempotentTenant: tenantId });
  const found = (await existing.getOne()) as Record<string, unknown> | null;
  if (!found || found[hashProperty] !== hash) throw request.conflict();
  return { id: found.id as string, created: false, hash };
}
