import { Module } from '@nestjs/common';
import { ActivitiesModule } from '../activities/activities.module';
import { BuildingsModule } from '../buildings/buildings.module';
import { InitiativesModule } from '../initiatives/initiatives.module';
import { OrganizationsModule } from '../organizations/organizations.module';
import { TerritoryModule } from '../territory/territory.module';
import { SyncController } from './sync.controller';
import { SyncPolicy } from './sync.policy';
import { SyncRepository } from './sync.repository';
import { SyncService } from './sync.service';

/**
 * Field mode's server side (docs/field-mode.md): the reference data's changes since a cursor, through
 * the registers' policies, and the last sync of each device. Exports SyncPolicy (staff output reads
 * the last syncs through it).
 */
@Module({
  imports: [ActivitiesModule, BuildingsModule, OrganizationsModule, InitiativesModule, TerritoryModule],
  controllers: [SyncController],
  providers: [SyncPolicy, SyncRepository, SyncService],
  exports: [SyncPolicy],
})
export class SyncModule {}
