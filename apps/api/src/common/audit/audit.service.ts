import { Injectable } from '@nestjs/common';
import type { AccessScope } from '../access/access-scope';
import { ScopedData, ScopedTx } from '../access/scoped-data';
import { AuditEntry } from './audit-entry.entity';

export interface AuditRecord {
  tenantId: string | null;
  entity: string;
  entityId: string;
  action: string;
  before?: unknown;
  after?: unknown;
}

/** One entry of a record's history, with the actor's name. */
export interface HistoryRow {
  id: string;
  at: Date;
  actorId: string | null;
  actorName: string | null;
  action: string;
  before: unknown;
  after: unknown;
}

/** Keys never written to the audit log, whatever the entity. */
const SECRET_KEYS = new Set(['passwordHash', 'password_hash', 'password', 'tokenHash', 'token_hash']);

function redact(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(redact);
  if (typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([k]) => !SECRET_KEYS.has(k))
        .map(([k, v]) => [k, redact(v)]),
    );
  }
  return value;
}

/**
 * The audit mechanism every feature uses. `record` takes the transaction (the door's `ScopedTx`),
 * so the entry commits or rolls back with the change it describes; it is written through the door
 * (the entry's tenant must be one the actor reaches; admins may write platform entries, tenant null).
 * `history` reads one record's entries for whoever may read that record (the caller checks that).
 */
@Injectable()
export class AuditService {
  constructor(private readonly door: ScopedData) {}

  /** @param tx the transaction of the change */
  async record(tx: ScopedTx, actor: AccessScope | null, entry: AuditRecord): Promise<void> {
    const values: Partial<AuditEntry> = {
      tenantId: entry.tenantId,
      actorId: actor?.actor.id ?? null,
      actorRole: actor?.actor.role ?? null,
      entity: entry.entity,
      entityId: entry.entityId,
      action: entry.action,
      before: redact(entry.before) as Record<string, unknown> | null,
      after: redact(entry.after) as Record<string, unknown> | null,
    };
    if (actor) {
      await tx.insert(actor, AuditEntry, values);
    } else {
      await tx.unscoped('audit of an event without a signed-in actor (e.g. a failed sign-in)').insert(AuditEntry, values as never);
    }
  }

  /** The entries of one record (`entity`, `entityId`) in the caller's tenant, oldest first, with the actors' names. */
  async history(scope: AccessScope, entity: string, entityId: string): Promise<HistoryRow[]> {
    return this.door
      .select(scope, AuditEntry, 'al')
      .leftJoin('users', 'actor', 'actor.id = al.actor_id')
      .select('al.id::text', 'id')
      .addSelect('al.at', 'at')
      .addSelect('al.actor_id', 'actorId')
      .addSelect('actor.full_name', 'actorName')
      .addSelect('al.action', 'action')
      .addSelect('al.before', 'before')
      .addSelect('al.after', 'after')
      .andWhere('al.entity = :historyEntity', { historyEntity: entity })
      .andWhere('al.entity_id = :historyEntityId', { historyEntityId: entityId })
      .orderBy('al.at', 'ASC')
      .addOrderBy('al.id', 'ASC')
      .getRawMany<HistoryRow>();
  }
}
