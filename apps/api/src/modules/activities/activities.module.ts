import { Module } from '@nestjs/common';
import { OrganizationsModule } from '../organizations/organizations.module';
import { TerritoryModule } from '../territory/territory.module';
import { ActivitiesController } from './activities.controller';
import { ActivitiesPolicy } from './activities.policy';
import { ActivitiesRepository } from './activities.repository';
import { ActivitiesService } from './activities.service';

/** The activity log and its review. Exports ActivitiesPolicy: the features that read activities compose its rule. */
@Module({
  imports: [OrganizationsModule, TerritoryModule],
  controllers: [ActivitiesController],
  providers: [ActivitiesService, ActivitiesRepository, ActivitiesPolicy],
  exports: [ActivitiesPolicy],
})
export class ActivitiesModule {}
