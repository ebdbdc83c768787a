import { Module } from '@nestjs/common';
import { AuditController } from './audit.controller';
import { AuditPolicy } from './audit.policy';
import { AuditRepository } from './audit.repository';
import { AuditLogService } from './audit.service';

/** Reading the audit log. Writing it is AuditService's (common/audit), used by every feature. Exports AuditPolicy. */
@Module({ controllers: [AuditController], providers: [AuditRepository, AuditLogService, AuditPolicy], exports: [AuditPolicy] })
export class AuditModule {}
