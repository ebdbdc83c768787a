import { Module } from '@nestjs/common';
import { TenantsModule } from '../tenants/tenants.module';
import { LegalPagesController, PublicLegalPagesController } from './legal-pages.controller';
import { LegalPagesRepository } from './legal-pages.repository';
import { LegalPagesService } from './legal-pages.service';

/** The accessibility statement and the privacy notice of each tenant (docs/legal-pages.md). */
@Module({
  imports: [TenantsModule],
  controllers: [PublicLegalPagesController, LegalPagesController],
  providers: [LegalPagesRepository, LegalPagesService],
})
export class LegalPagesModule {}
