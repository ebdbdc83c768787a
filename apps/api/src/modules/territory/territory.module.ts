import { Module } from '@nestjs/common';
import { TerritoryImportService } from './territory-import.service';

@Module({
  providers: [TerritoryImportService],
  exports: [TerritoryImportService],
})
export class TerritoryModule {}
