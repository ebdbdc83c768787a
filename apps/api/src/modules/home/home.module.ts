import { Module } from '@nestjs/common';
import { ActivitiesModule } from '../activities/activities.module';
import { BuildingsModule } from '../buildings/buildings.module';
import { InitiativesModule } from '../initiatives/initiatives.module';
import { OrganizationsModule } from '../organizations/organizations.module';
import { TerritoryModule } from '../territory/territory.module';
import { UsersModule } from '../users/users.module';
import { HomeController } from './home.controller';
import { HomeRepository } from './home.repository';
import { HomeService } from './home.service';

/** Each role's home (read-only summaries over activities, the registers, territory and users, through their policies and services). */
@Module({
  imports: [ActivitiesModule, BuildingsModule, OrganizationsModule, InitiativesModule, TerritoryModule, UsersModule],
  controllers: [HomeController],
  providers: [HomeRepository, HomeService],
})
export class HomeModule {}
