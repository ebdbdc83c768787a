import { Module } from '@nestjs/common';
import { ActivitiesModule } from '../activities/activities.module';
import { BuildingsModule } from '../buildings/buildings.module';
import { InitiativesModule } from '../initiatives/initiatives.module';
import { OrganizationsModule } from '../organizations/organizations.module';
import { TerritoryModule } from '../territory/territory.module';
import { UsersModule } from '../users/users.module';
import { CollaborationsController } from './collaborations.controller';
import { CollaborationsPolicy } from './collaborations.policy';
import { CollaborationsRepository } from './collaborations.repository';
import { CollaborationsService } from './collaborations.service';

/** The collaboration model (docs/collaborations.md). Exports its service (the new-collaborations indicator, the demo seeder). */
@Module({
  imports: [ActivitiesModule, BuildingsModule, InitiativesModule, OrganizationsModule, TerritoryModule, UsersModule],
  controllers: [CollaborationsController],
  providers: [CollaborationsService, CollaborationsRepository, CollaborationsPolicy],
  exports: [CollaborationsService, CollaborationsPolicy],
})
export class CollaborationsModule {}
