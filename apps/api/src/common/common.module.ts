import { Global, Module } from '@nestjs/common';
import { AccessService } from './access/access.service';
import { AuditService } from './audit/audit.service';
import { JwtStrategy } from './auth/jwt.strategy';

/** Cross-cutting providers every feature may inject. */
@Global()
@Module({
  providers: [AccessService, AuditService, JwtStrategy],
  exports: [AccessService, AuditService],
})
export class CommonModule {}
