import { Module } from '@nestjs/common';
import { ActivitiesPolicy } from '../activities/activities.policy';
import { BuildingsPolicy } from '../buildings/buildings.policy';
import { InitiativesPolicy } from '../initiatives/initiatives.policy';
import { OrganizationsPolicy } from '../organizations/organizations.policy';
import { TerritoryModule } from '../territory/territory.module';
import { ProjectsController } from './projects.controller';
import { ProjectsImportService } from './projects.import';
import { ProjectsIndicatorsService } from './projects-indicators.service';
import { ProjectsPolicy } from './projects.policy';
import { ProjectsRepository } from './projects.repository';
import { ProjectsService } from './projects.service';

/**
 * The funded projects register (docs/projects.md). Exports ProjectsPolicy (a programme page, indicators
 * compose its rule) and ProjectsIndicatorsService (funds committed and paid per municipality,
 * beneficiaries funded). The other features' policies it joins through have no dependencies and are
 * provided here directly (no module cycle).
 */
@Module({
  imports: [TerritoryModule],
  controllers: [ProjectsController],
  providers: [
    ProjectsService,
    ProjectsRepository,
    ProjectsPolicy,
    ProjectsImportService,
    ProjectsIndicatorsService,
    ActivitiesPolicy,
    BuildingsPolicy,
    InitiativesPolicy,
    OrganizationsPolicy,
  ],
  exports: [ProjectsPolicy, ProjectsIndicatorsService],
})
export class ProjectsModule {}
