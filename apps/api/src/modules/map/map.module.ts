import { Module } from '@nestjs/common';
import { ActivitiesModule } from '../activities/activities.module';
import { BuildingsModule } from '../buildings/buildings.module';
import { InitiativesModule } from '../initiatives/initiatives.module';
import { OrganizationsModule } from '../organizations/organizations.module';
import { MapCellCache } from './map-cell-cache';
import { MapController } from './map.controller';
import { MapRepository } from './map.repository';
import { MapService } from './map.service';

/**
 * The map layers (docs/map.md). Each register's module exports its layer (`<register>.map-layer.ts`,
 * a MapLayerSource); this module imports it and gives it a route in MapController.
 */
@Module({
  imports: [ActivitiesModule, BuildingsModule, OrganizationsModule, InitiativesModule],
  controllers: [MapController],
  providers: [MapService, MapRepository, MapCellCache],
})
export class MapModule {}
