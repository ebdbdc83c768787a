import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AccessScope } from '../../common/access/access-scope';
import { AuditEntry } from '../../common/audit/audit-entry.entity';
import { User } from '../users/user.entity';

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

/** Reads of the audit log (written by AuditService), bound to the caller's tenant by `scope.apply`. */
@Injectable()
export class AuditRepository {
  constructor(private readonly dataSource: DataSource) {}

  async listInScope(scope: AccessScope, filter: AuditFilter): Promise<{ rows: AuditRow[]; total: number }> {
    const qb = this.dataSource
      .createQueryBuilder(AuditEntry, 'a')
      .leftJoin(User, 'actor', 'actor.id = a.actor_id')
      .select('a.id::text', 'id')
      .addSelect('a.at', 'at')
      .addSelect('a.actor_id', 'actorId')
      .addSelect('actor.full_name', 'actorName')
      .addSelect('a.entity', 'entity')
      .addSelect('a.entity_id', 'entityId')
      .addSelect('a.action', 'action')
      .addSelect('a.before', 'before')
      .addSelect('a.after', 'after');
    scope.apply(qb, 'a');
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
