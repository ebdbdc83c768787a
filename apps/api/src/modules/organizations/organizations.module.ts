import { Module } from '@nestjs/common';
import { TerritoryModule } from '../territory/territory.module';
import { OrganizationsController } from './organizations.controller';
import { OrganizationsPolicy } from './organizations.policy';
import { OrganizationsRepository } from './organizations.repository';
import { OrganizationsService } from './organizations.service';

/**
 * The organizations register. Other features reach it through OrganizationsService (e.g.
 * `findLinkable` for an activity's organizations) and OrganizationsPolicy (who sees which organizations).
 */
@Module({
  imports: [TerritoryModule],
  controllers: [OrganizationsController],
  providers: [OrganizationsPolicy, OrganizationsService, OrganizationsRepository],
  exports: [OrganizationsPolicy, OrganizationsService],
})
export class OrganizationsModule {}
