import { Module } from '@nestjs/common';
import { ActivitiesModule } from '../activities/activities.module';
import { FilesModule } from '../files/files.module';
import { OrganizationsModule } from '../organizations/organizations.module';
import { TerritoryModule } from '../territory/territory.module';
import { BuildingPhotosController } from './building-photos.controller';
import { BuildingPhotosService } from './building-photos.service';
import { BuildingsController } from './buildings.controller';
import { BuildingsPolicy } from './buildings.policy';
import { BuildingsRepository } from './buildings.repository';
import { BuildingsService } from './buildings.service';

/**
 * The buildings register. Exports BuildingsPolicy (who reads which buildings: the map layer, the
 * homes and indicators compose it), BuildingsRepository (`filtered(scope, filters, alias)`: the list's
 * filters, for the map layer) and BuildingsService.
 */
@Module({
  imports: [ActivitiesModule, OrganizationsModule, TerritoryModule, FilesModule],
  controllers: [BuildingsController, BuildingPhotosController],
  providers: [BuildingsPolicy, BuildingsRepository, BuildingsService, BuildingPhotosService],
  exports: [BuildingsPolicy, BuildingsRepository, BuildingsService],
})
export class BuildingsModule {}
