import { Module } from '@nestjs/common';
import { TenantsModule } from '../tenants/tenants.module';
import { TerritoryModule } from '../territory/territory.module';
import { BuildingsPolicy } from '../buildings/buildings.policy';
import { InitiativesPolicy } from '../initiatives/initiatives.policy';
import { OrganizationsPolicy } from '../organizations/organizations.policy';
import { ProjectsModule } from '../projects/projects.module';
import { UsersPolicy } from '../users/users.policy';
import { ComputedIndicatorsRepository } from './computed/computed-indicators.repository';
import { ComputedIndicatorsService } from './computed/computed-indicators.service';
import { IndicatorValuesReadController } from './indicator-values-read.controller';
import { IndicatorValuesReadRepository } from './indicator-values-read.repository';
import { IndicatorValuesReadService } from './indicator-values-read.service';
import { IndicatorsController } from './indicators.controller';
import { IndicatorsImportService } from './indicators.import';
import { IndicatorsPolicy } from './indicators.policy';
import { IndicatorsRepository } from './indicators.repository';
import { CollaborationsModule } from '../collaborations/collaborations.module';
import { IndicatorsService } from './indicators.service';

/**
 * Indicators (docs/indicators.md): definitions, targets, manual values, the CSV import. Exports
 * IndicatorsService (`resolveIndicator`, `manualValues`, `targetsOf` for the roll-up) and
 * IndicatorsPolicy (`readableValues`, `readableTargets`).
 */
@Module({
  imports: [TenantsModule, TerritoryModule, ProjectsModule, CollaborationsModule],
  // the read controller first: `/indicators/territory` is its overview, not a definition code
  controllers: [IndicatorValuesReadController, IndicatorsController],
  providers: [
    IndicatorsService,
    IndicatorsRepository,
    IndicatorsPolicy,
    IndicatorsImportService,
    // the read side (docs/indicators-rollup.md); the registers' policies are stateless, provided here (no module cycle)
    IndicatorValuesReadService,
    IndicatorValuesReadRepository,
    ComputedIndicatorsService,
    ComputedIndicatorsRepository,
    InitiativesPolicy,
    BuildingsPolicy,
    OrganizationsPolicy,
    UsersPolicy,
  ],
  exports: [IndicatorsService, IndicatorsPolicy, IndicatorValuesReadService],
})
export class IndicatorsModule {}
