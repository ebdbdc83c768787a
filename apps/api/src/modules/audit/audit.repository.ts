import { Injectable } from '@nestjs/common';
import type { AccessScope } from '../../common/access/access-scope';
import { ScopedData } from '../../common/access/scoped-data';
import { AuditPolicy } from './audit.policy';

export interface AuditRow {
  id: string;
  at: Date;
  actorId: string | null;
  actorName: string | null;
  entity: string;
  entityId: string;
  action: string;
  before: unknown;
  after: unknown;
}

export interface AuditFilter {
  entity?: string;
  entityId?: string;
  action?: string;
  offset: number;
  limit: number;
}

/** Reads of the audit log (written by AuditService), through the door with AuditPolicy's rule. */
@Injectable()
export class AuditRepository {
  constructor(
    private readonly door: ScopedData,
    private readonly policy: AuditPolicy,
  ) {}

  async listInScope(scope: AccessScope, filter: AuditFilter): Promise<{ rows: AuditRow[]; total: number }> {
    const qb = this.door
      .select(scope, this.policy.readable, 'a')
      // the actor's name: a lookup by the key of the bound entry
      .leftJoin('users', 'actor', 'actor.id = a.actor_id')
      .select('a.id::text', 'id')
      .addSelect('a.at', 'at')
      .addSelect('a.actor_id', 'actorId')
      .addSelect('actor.full_name', 'actorName')
      .addSelect('a.entity', 'entity')
      .addSelect('a.entity_id', 'entityId')
      .addSelect('a.action', 'action')
      .addSelect('a.before', 'before')
      .addSelect('a.after', 'after');
    if (filter.entity) qb.andWhere('a.entity = :entity', { entity: filter.entity });
    if (filter.entityId) qb.andWhere('a.entity_id = :entityId', { entityId: filter.entityId });
    if (filter.action) qb.andWhere('a.action = :action', { action: filter.action });
    const total = await qb.clone().getCount();
    const rows = await qb
      .orderBy('a.at', 'DESC')
      .addOrderBy('a.id', 'DESC')
      .offset(filter.offset)
      .limit(filter.limit)
      .getRawMany<AuditRow>();
    return { rows, total };
  }
}
