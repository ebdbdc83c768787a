import { Injectable } from '@nestjs/common';
import type { AccessScope } from '../../common/access/access-scope';
import { CommonErrors } from '../../common/errors/app-error';
import { pageOf } from '../../common/http/pagination';
import { AuditPolicy } from './audit.policy';
import { AuditRepository, type AuditRow } from './audit.repository';
import type { AuditEntryResponseDto, AuditPageDto } from './dto/audit-entry.response';
import type { ListAuditQuery } from './dto/list-audit.query';

function toDto(row: AuditRow): AuditEntryResponseDto {
  return {
    id: String(row.id),
    at: new Date(row.at).toISOString(),
    actor: row.actorId ? { id: row.actorId, fullName: row.actorName ?? '(deleted user)' } : null,
    entity: row.entity,
    entityId: row.entityId,
    action: row.action,
    before: row.before ?? null,
    after: row.after ?? null,
  };
}

/** The audit log as coordinators (their tenant) and admins (everything) read it. */
@Injectable()
export class AuditLogService {
  constructor(
    private readonly audit: AuditRepository,
    private readonly policy: AuditPolicy,
  ) {}

  async listEntries(scope: AccessScope, query: ListAuditQuery): Promise<AuditPageDto> {
    if (!this.policy.readsLog(scope)) throw CommonErrors.FORBIDDEN();
    const { rows, total } = await this.audit.listInScope(scope, {
      entity: query.entity,
      entityId: query.entityId,
      action: query.action,
      offset: query.offset,
      limit: query.pageSize,
    });
    return pageOf(rows.map(toDto), total, query);
  }
}
