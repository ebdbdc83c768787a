import { Module } from '@nestjs/common';
import { TenantsController } from './tenants.controller';
import { TenantsPolicy } from './tenants.policy';
import { TenantsRepository } from './tenants.repository';
import { TenantsService } from './tenants.service';

/** Tenants (metropolitan cities). Other features reach them through TenantsService and TenantsPolicy. */
@Module({
  controllers: [TenantsController],
  providers: [TenantsPolicy, TenantsRepository, TenantsService],
  exports: [TenantsPolicy, TenantsService],
})
export class TenantsModule {}
