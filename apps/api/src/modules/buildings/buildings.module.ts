import { Module } from '@nestjs/common';
import { ActivitiesPolicy } from '../activities/activities.policy';
import { InitiativesPolicy } from '../initiatives/initiatives.policy';
import { FilesModule } from '../files/files.module';
import { OrganizationsModule } from '../organizations/organizations.module';
import { TerritoryModule } from '../territory/territory.module';
import { BuildingPhotosController } from './building-photos.controller';
import { BuildingPhotosService } from './building-photos.service';
import { BuildingsController } from './buildings.controller';
import { BuildingsMapLayer } from './buildings.map-layer';
import { BuildingsPolicy } from './buildings.policy';
import { BuildingsRepository } from './buildings.repository';
import { BuildingsService } from './buildings.service';

/**
 * The buildings register. Exports BuildingsPolicy (who reads which buildings: the map layer, the
 * homes and indicators compose it), BuildingsRepository (`filtered(scope, filters, alias)`: the list's
 * filters) , BuildingsService and BuildingsMapLayer (modules/map).
 */
@Module({
  imports: [OrganizationsModule, TerritoryModule, FilesModule],
  controllers: [BuildingsController, BuildingPhotosController],
  // ActivitiesPolicy (stateless, no dependencies) is provided here rather than by importing
  // ActivitiesModule: the activities feature will import this module to link a building, and Nest
  // modules importing each other would need forwardRef on both sides. InitiativesPolicy likewise
  // (the initiatives feature imports this module to check a hosting building).
  providers: [
    BuildingsPolicy,
    BuildingsRepository,
    BuildingsService,
    BuildingPhotosService,
    ActivitiesPolicy,
    InitiativesPolicy,
    BuildingsMapLayer,
  ],
  exports: [BuildingsPolicy, BuildingsRepository, BuildingsService, BuildingsMapLayer],
})
export class BuildingsModule {}
