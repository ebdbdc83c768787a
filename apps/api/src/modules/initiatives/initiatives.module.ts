import { Module } from '@nestjs/common';
import { ActivitiesPolicy } from '../activities/activities.policy';
import { BuildingsModule } from '../buildings/buildings.module';
import { OrganizationsModule } from '../organizations/organizations.module';
import { TerritoryModule } from '../territory/territory.module';
import { InitiativesController } from './initiatives.controller';
import { InitiativesMapLayer } from './initiatives.map-layer';
import { InitiativesPolicy } from './initiatives.policy';
import { InitiativesRepository } from './initiatives.repository';
import { InitiativesService } from './initiatives.service';

/**
 * The initiatives register. Exports InitiativesPolicy (map layers, indicators compose its rule) and
 * InitiativesService (the activities link an initiative through `findLinkable`) and InitiativesMapLayer (modules/map). ActivitiesPolicy is
 * provided here directly (it has no dependencies): importing ActivitiesModule would make a cycle,
 * since ActivitiesModule imports this one.
 */
@Module({
  imports: [OrganizationsModule, TerritoryModule, BuildingsModule],
  controllers: [InitiativesController],
  providers: [InitiativesService, InitiativesRepository, InitiativesPolicy, ActivitiesPolicy, InitiativesMapLayer],
  exports: [InitiativesPolicy, InitiativesService, InitiativesMapLayer],
})
export class InitiativesModule {}
