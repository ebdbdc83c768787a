import { Module } from '@nestjs/common';
import { FilesModule } from '../files/files.module';
import { BuildingsModule } from '../buildings/buildings.module';
import { InitiativesModule } from '../initiatives/initiatives.module';
import { OrganizationsModule } from '../organizations/organizations.module';
import { TerritoryModule } from '../territory/territory.module';
import { ActivitiesController } from './activities.controller';
import { ActivitiesMapLayer } from './activities.map-layer';
import { ActivitiesPolicy } from './activities.policy';
import { ActivitiesRepository } from './activities.repository';
import { ActivitiesService } from './activities.service';
import { ActivityAttachmentsController } from './activity-attachments.controller';
import { ActivityAttachmentsRepository } from './activity-attachments.repository';
import { ActivityAttachmentsService } from './activity-attachments.service';

/** The activity log and its review. Exports ActivitiesPolicy (the features that read activities compose its rule) and its map layer. */
@Module({
  imports: [OrganizationsModule, FilesModule, TerritoryModule, InitiativesModule, BuildingsModule],
  controllers: [ActivitiesController, ActivityAttachmentsController],
  providers: [
    ActivitiesService,
    ActivitiesRepository,
    ActivitiesPolicy,
    ActivitiesMapLayer,
    ActivityAttachmentsService,
    ActivityAttachmentsRepository,
  ],
  exports: [ActivitiesPolicy, ActivitiesMapLayer, ActivitiesService],
})
export class ActivitiesModule {}
