import { Global, Module } from '@nestjs/common';
import { AccessService } from './access/access.service';
import { ScopedData } from './access/scoped-data';
import { AuditService } from './audit/audit.service';
import { JwtStrategy } from './auth/jwt.strategy';
import { DataVersions } from './database/data-versions';

/** Cross-cutting providers every feature may inject. */
@Global()
@Module({
  providers: [AccessService, ScopedData, AuditService, JwtStrategy, DataVersions],
  exports: [AccessService, ScopedData, AuditService, DataVersions],
})
export class CommonModule {}
