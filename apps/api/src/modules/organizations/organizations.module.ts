import { Module } from '@nestjs/common';
import { TerritoryModule } from '../territory/territory.module';
import { OrganizationsController } from './organizations.controller';
import { OrganizationsImportService } from './organizations.import';
import { OrganizationsMapLayer } from './organizations.map-layer';
import { OrganizationsPolicy } from './organizations.policy';
import { OrganizationsRepository } from './organizations.repository';
import { OrganizationsService } from './organizations.service';

/**
 * The organizations register. Other features reach it through OrganizationsService (`findLinkable`
 * for an activity's organizations, `registerLinkMover` so that a merge moves their links) and
 * OrganizationsPolicy (who sees which organizations), and its list filters through
 * `OrganizationsRepository.filtered` via the service (the map layer).
 */
@Module({
  imports: [TerritoryModule],
  controllers: [OrganizationsController],
  providers: [OrganizationsPolicy, OrganizationsService, OrganizationsRepository, OrganizationsImportService, OrganizationsMapLayer],
  exports: [OrganizationsPolicy, OrganizationsService, OrganizationsMapLayer],
})
export class OrganizationsModule {}
