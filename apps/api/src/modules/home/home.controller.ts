import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AccessScope } from '../../common/access/access-scope';
import { Roles, Scope } from '../../common/auth/decorators';
import { HomeStaleQueryDto, HomeTerritoryQueryDto } from './dto/home.query';
import { CoordinatorHomeResponse, HomeCountsResponse, InnovatorHomeResponse, MunicipalityHomeResponse } from './dto/home.response';
import { HomeService } from './home.service';

/** Each role's home: one summary per role, every figure under the caller's scope. */
@ApiTags('home')
@Controller('home')
export class HomeController {
  constructor(private readonly home: HomeService) {}

  @Get('innovator')
  @Roles('innovator')
  @ApiOperation({
    summary:
      "An innovator's work: returned activities with the coordinator's comment, drafts, activities awaiting review, municipalities not visited lately",
    description:
      'Own activities only (an admin has none). "Not visited": no own activity there in the last staleDays days, today included (Italian time).',
  })
  @ApiOkResponse({ type: InnovatorHomeResponse })
  getInnovatorHome(@Scope() scope: AccessScope, @Query() query: HomeStaleQueryDto): Promise<InnovatorHomeResponse> {
    return this.home.innovatorHome(scope, query);
  }

  @Get('coordinator')
  @Roles('coordinator')
  @ApiOperation({
    summary:
      "A coordinator's desk: the review queue and its oldest item, innovators not active lately, expiring items, the last week's output",
    description: "Coordinators see their tenant; an admin's figures span every tenant.",
  })
  @ApiOkResponse({ type: CoordinatorHomeResponse })
  getCoordinatorHome(@Scope() scope: AccessScope, @Query() query: HomeStaleQueryDto): Promise<CoordinatorHomeResponse> {
    return this.home.coordinatorHome(scope, query);
  }

  @Get('municipality')
  @Roles('municipality')
  @ApiOperation({
    summary: "A municipality's territory: approved activities of a period by type and theme, the latest ones, their points",
    description: "Approved activities of the caller's territory only. Default period: the last 90 days, today included (Italian time).",
  })
  @ApiOkResponse({ type: MunicipalityHomeResponse })
  getMunicipalityHome(@Scope() scope: AccessScope, @Query() query: HomeTerritoryQueryDto): Promise<MunicipalityHomeResponse> {
    return this.home.municipalityHome(scope, query);
  }

  @Get('counts')
  @ApiOperation({
    summary: "The navigation's badges: an innovator's returned activities, a coordinator's review queue",
    description: 'Cheap enough to poll. A count that does not apply to the role is null.',
  })
  @ApiOkResponse({ type: HomeCountsResponse })
  getHomeCounts(@Scope() scope: AccessScope): Promise<HomeCountsResponse> {
    return this.home.counts(scope);
  }
}
