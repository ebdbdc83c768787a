import { Module } from '@nestjs/common';
import { TenantsModule } from '../tenants/tenants.module';
import { TerritoryImportRepository } from './territory-import.repository';
import { TerritoryImportService } from './territory-import.service';
import { TerritoryController } from './territory.controller';
import { TerritoryRepository } from './territory.repository';
import { TerritoryService } from './territory.service';

@Module({
  imports: [TenantsModule],
  controllers: [TerritoryController],
  providers: [TerritoryRepository, TerritoryService, TerritoryImportRepository, TerritoryImportService],
  exports: [TerritoryImportService, TerritoryService],
})
export class TerritoryModule {}
