import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { AccessScope } from '../access/access-scope';
import { AuditEntry } from './audit-entry.entity';

export interface AuditRecord {
  tenantId: string | null;
  entity: string;
  entityId: string;
  action: string;
  before?: unknown;
  after?: unknown;
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
 * The audit mechanism every feature uses. `record` takes the transaction's EntityManager, so the
 * entry commits or rolls back with the change it describes.
 */
@Injectable()
export class AuditService {
  async record(manager: EntityManager, actor: AccessScope | null, entry: AuditRecord): Promise<void> {
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
    await manager.insert(AuditEntry, values as never);
  }
}
