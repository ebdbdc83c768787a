import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AccessScope } from '../../common/access/access-scope';
import { Roles, Scope } from '../../common/auth/decorators';
import { AuditLogService } from './audit.service';
import { AuditPageDto } from './dto/audit-entry.response';
import { ListAuditQuery } from './dto/list-audit.query';

@ApiTags('audit')
@Roles('coordinator')
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditLogService) {}

  @Get()
  @ApiOperation({ summary: 'The audit log of your tenant, newest first (admins: every tenant and platform events)' })
  @ApiOkResponse({ type: AuditPageDto })
  listAuditEntries(@Scope() scope: AccessScope, @Query() query: ListAuditQuery): Promise<AuditPageDto> {
    return this.audit.listEntries(scope, query);
  }
}
