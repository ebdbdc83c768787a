import { Module } from '@nestjs/common';
import { BuildingsModule } from '../buildings/buildings.module';
import { InitiativesPolicy } from '../initiatives/initiatives.policy';
import { OrganizationsModule } from '../organizations/organizations.module';
import { TerritoryModule } from '../territory/territory.module';
import { ReuseController } from './reuse.controller';
import { ReuseMapLayer } from './reuse.map-layer';
import { ReuseRepository } from './reuse.repository';
import { ReuseService } from './reuse.service';

/** The space-reuse model (issue 11, docs/reuse.md): scores, ranking, matching, assignment plan. */
@Module({
  imports: [BuildingsModule, OrganizationsModule, TerritoryModule],
  controllers: [ReuseController],
  // InitiativesPolicy is stateless: provided here as BuildingsModule does (no module cycle)
  providers: [ReuseRepository, ReuseService, InitiativesPolicy, ReuseMapLayer],
  exports: [ReuseService, ReuseMapLayer],
})
export class ReuseModule {}
