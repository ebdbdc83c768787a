import { Module } from '@nestjs/common';
import { TenantsModule } from '../tenants/tenants.module';
import { TerritoryImportRepository } from './territory-import.repository';
import { TerritoryImportService } from './territory-import.service';
import { TerritoryController } from './territory.controller';
import { TerritoryPolicy } from './territory.policy';
import { TerritoryRepository } from './territory.repository';
import { TerritoryService } from './territory.service';

/** Social areas, municipalities, the map layer and the import. Other features reach them through TerritoryService and TerritoryPolicy. */
@Module({
  imports: [TenantsModule],
  controllers: [TerritoryController],
  providers: [TerritoryPolicy, TerritoryRepository, TerritoryService, TerritoryImportRepository, TerritoryImportService],
  exports: [TerritoryPolicy, TerritoryImportService, TerritoryService],
})
export class TerritoryModule {}
