import { Module } from '@nestjs/common';
import { BuildingsPolicy } from '../buildings/buildings.policy';
import { InitiativesPolicy } from '../initiatives/initiatives.policy';
import { OrganizationsPolicy } from '../organizations/organizations.policy';
import { TerritoryPolicy } from '../territory/territory.policy';
import { UsersPolicy } from '../users/users.policy';
import { ComputedIndicatorsRepository } from './computed/computed-indicators.repository';
import { ComputedIndicatorsService } from './computed/computed-indicators.service';
import { IndicatorValuesReadController } from './indicator-values-read.controller';
import { IndicatorValuesReadRepository } from './indicator-values-read.repository';
import { IndicatorValuesReadService } from './indicator-values-read.service';
import { IndicatorsPolicy } from './indicators.policy';

/**
 * The indicators' read side: roll-ups, computed indicators, exports (docs/indicators-rollup.md).
 * The policies it composes are stateless and provided here, as BuildingsModule provides
 * ActivitiesPolicy, so it imports no feature module (no cycle).
 */
@Module({
  controllers: [IndicatorValuesReadController],
  providers: [
    IndicatorValuesReadService,
    IndicatorValuesReadRepository,
    ComputedIndicatorsService,
    ComputedIndicatorsRepository,
    IndicatorsPolicy,
    TerritoryPolicy,
    InitiativesPolicy,
    BuildingsPolicy,
    OrganizationsPolicy,
    UsersPolicy,
  ],
  exports: [IndicatorValuesReadService],
})
export class IndicatorValuesReadModule {}
