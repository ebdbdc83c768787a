import { Module } from '@nestjs/common';
import { SyncModule } from '../sync/sync.module';
import { ActivitiesModule } from '../activities/activities.module';
import { StaffOutputController } from './staff-output.controller';
import { StaffOutputRepository } from './staff-output.repository';
import { StaffOutputService } from './staff-output.service';

/** The coordinators' staff-output dashboard (read-only aggregates over activities, read through ActivitiesPolicy, users and assignments). */
@Module({
  imports: [ActivitiesModule, SyncModule],
  controllers: [StaffOutputController],
  providers: [StaffOutputRepository, StaffOutputService],
})
export class StaffOutputModule {}
