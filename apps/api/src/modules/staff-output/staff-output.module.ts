import { Module } from '@nestjs/common';
import { StaffOutputController } from './staff-output.controller';
import { StaffOutputRepository } from './staff-output.repository';
import { StaffOutputService } from './staff-output.service';

/** The coordinators' staff-output dashboard (read-only aggregates over activities, users and assignments). */
@Module({
  controllers: [StaffOutputController],
  providers: [StaffOutputRepository, StaffOutputService],
})
export class StaffOutputModule {}
