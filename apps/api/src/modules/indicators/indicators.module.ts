import { Module } from '@nestjs/common';
import { TenantsModule } from '../tenants/tenants.module';
import { TerritoryModule } from '../territory/territory.module';
import { IndicatorsController } from './indicators.controller';
import { IndicatorsImportService } from './indicators.import';
import { IndicatorsPolicy } from './indicators.policy';
import { IndicatorsRepository } from './indicators.repository';
import { IndicatorsService } from './indicators.service';

/**
 * Indicators (docs/indicators.md): definitions, targets, manual values, the CSV import. Exports
 * IndicatorsService (`resolveIndicator`, `manualValues`, `targetsOf` for the roll-up) and
 * IndicatorsPolicy (`readableValues`, `readableTargets`).
 */
@Module({
  imports: [TenantsModule, TerritoryModule],
  controllers: [IndicatorsController],
  providers: [IndicatorsService, IndicatorsRepository, IndicatorsPolicy, IndicatorsImportService],
  exports: [IndicatorsService, IndicatorsPolicy],
})
export class IndicatorsModule {}
