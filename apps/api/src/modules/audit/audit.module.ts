import { Module } from '@nestjs/common';
import { AuditController } from './audit.controller';
import { AuditRepository } from './audit.repository';
import { AuditLogService } from './audit.service';

/** Reading the audit log. Writing it is AuditService's (common/audit), used by every feature. */
@Module({ controllers: [AuditController], providers: [AuditRepository, AuditLogService] })
export class AuditModule {}
