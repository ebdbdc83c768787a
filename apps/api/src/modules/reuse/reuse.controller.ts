import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Put, Query, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { AccessScope } from '../../common/access/access-scope';
import { Roles, Scope } from '../../common/auth/decorators';
import { CommonErrors } from '../../common/errors/app-error';
import { exportDownload } from '../../common/export/export-file';
import { exportResponse } from '../../common/export/export-query';
import { ApiErrors } from '../../common/http/api-errors';
import { UUID_LENGTH } from '../../common/http/api-schema';
import { UuidParam } from '../../common/http/uuid-param';
import { BuildingResponseDto } from '../buildings/dto/building.response';
import { BuildingErrors } from '../buildings/buildings.errors';
import {
  LangQuery,
  PutReuseWeightsDto,
  ReuseBuildingMatchesDto,
  ReuseExportQuery,
  ReuseOrganizationBuildingsDto,
  ReusePlanDto,
  ReusePlanResponseDto,
  ReuseProposeDto,
  ReuseRankingPageDto,
  ReuseRankingQuery,
  ReuseStatusDto,
  ReuseWeightsResponseDto,
  ResetReuseWeightsDto,
} from './dto/reuse.dto';
import { ReuseErrors } from './reuse.errors';
import { ReuseService } from './reuse.service';

const BuildingId = () => UuidParam(() => ReuseErrors.REUSE_BUILDING_NOT_FOUND());
const OrganizationId = () => UuidParam(() => ReuseErrors.REUSE_ORGANIZATION_NOT_FOUND());
const ApiId = (what: string) =>
  ApiParam({ name: 'id', description: what, schema: { type: 'string', format: 'uuid', minLength: UUID_LENGTH, maxLength: UUID_LENGTH } });

/** The space-reuse model (issue 11, docs/reuse.md). */
@ApiTags('reuse')
@Controller('reuse')
export class ReuseController {
  constructor(private readonly reuse: ReuseService) {}

  @Get('weights')
  @ApiOperation({ summary: "The tenant's weights of the reuse-potential score, with the defaults" })
  @ApiOkResponse({ type: ReuseWeightsResponseDto })
  getReuseWeights(@Scope() scope: AccessScope): Promise<ReuseWeightsResponseDto> {
    return this.reuse.getWeights(scope);
  }

  @Put('weights')
  @Roles('coordinator')
  @ApiOperation({ summary: 'Set every weight (0–100) at the version read (coordinators; audited); the scores are recomputed in the background' })
  @ApiOkResponse({ type: ReuseWeightsResponseDto })
  @ApiErrors(CommonErrors.STALE_VERSION)
  putReuseWeights(@Scope() scope: AccessScope, @Body() body: PutReuseWeightsDto): Promise<ReuseWeightsResponseDto> {
    return this.reuse.putWeights(scope, body);
  }

  @Post('weights/reset')
  @HttpCode(HttpStatus.OK)
  @Roles('coordinator')
  @ApiOperation({ summary: 'Back to the default weights at the version read (coordinators; audited)' })
  @ApiOkResponse({ type: ReuseWeightsResponseDto })
  @ApiErrors(CommonErrors.STALE_VERSION)
  resetReuseWeights(@Scope() scope: AccessScope, @Body() body: ResetReuseWeightsDto): Promise<ReuseWeightsResponseDto> {
    return this.reuse.resetWeights(scope, body.version);
  }

  @Get('status')
  @ApiOperation({ summary: "The background recompute of the tenant's scores: running or not, its progress, whether the stored scores are stale" })
  @ApiOkResponse({ type: ReuseStatusDto })
  getReuseStatus(@Scope() scope: AccessScope): Promise<ReuseStatusDto> {
    return this.reuse.status(scope);
  }

  @Get('buildings')
  @ApiOperation({ summary: 'The buildings of your territory ranked by reuse potential, each score with its parts; the register filters apply' })
  @ApiOkResponse({ type: ReuseRankingPageDto })
  listReuseRanking(@Scope() scope: AccessScope, @Query() query: ReuseRankingQuery): Promise<ReuseRankingPageDto> {
    return this.reuse.ranking(scope, query);
  }

  @Get('buildings/export')
  @ApiOperation({ summary: 'The ranking as a file (csv, csv-it, xlsx), best first, streamed' })
  @ApiOkResponse(exportResponse('exports.files.reuse', 'The ranked buildings: score and its parts in words'))
  exportReuseRanking(@Scope() scope: AccessScope, @Query() query: ReuseExportQuery): StreamableFile {
    return exportDownload(this.reuse.exportRanking(scope, query));
  }

  @Get('buildings/:id/matches')
  @ApiId('the building')
  @ApiOperation({ summary: "A building's score (current weights) and the organizations that could use it, with their fit and reasons" })
  @ApiOkResponse({ type: ReuseBuildingMatchesDto })
  @ApiErrors(ReuseErrors.REUSE_BUILDING_NOT_FOUND)
  getReuseMatches(@Scope() scope: AccessScope, @Param('id', BuildingId()) id: string, @Query() query: LangQuery): Promise<ReuseBuildingMatchesDto> {
    return this.reuse.buildingMatches(scope, id, query.lang ?? 'it');
  }

  @Post('buildings/:id/propose')
  @HttpCode(HttpStatus.OK)
  @Roles('coordinator')
  @ApiId('the building')
  @ApiOperation({ summary: "Turn a match into the building's next step: stage planned, the candidate noted (coordinators; audited)" })
  @ApiOkResponse({ type: BuildingResponseDto })
  @ApiErrors(ReuseErrors.REUSE_BUILDING_NOT_FOUND, ReuseErrors.REUSE_NOT_A_MATCH, CommonErrors.STALE_VERSION, BuildingErrors.BUILDING_INVALID_STAGE)
  proposeReuseMatch(
    @Scope() scope: AccessScope,
    @Param('id', BuildingId()) id: string,
    @Body() body: ReuseProposeDto,
    @Query() query: LangQuery,
  ): Promise<BuildingResponseDto> {
    return this.reuse.propose(scope, id, body, query.lang ?? 'it');
  }

  @Get('organizations/:id/buildings')
  @ApiId('the organization')
  @ApiOperation({ summary: 'The buildings open to a new use that fit an organization needing space, with fit and reasons' })
  @ApiOkResponse({ type: ReuseOrganizationBuildingsDto })
  @ApiErrors(ReuseErrors.REUSE_ORGANIZATION_NOT_FOUND)
  getReuseOrganizationBuildings(
    @Scope() scope: AccessScope,
    @Param('id', OrganizationId()) id: string,
    @Query() query: LangQuery,
  ): Promise<ReuseOrganizationBuildingsDto> {
    return this.reuse.organizationBuildings(scope, id, query.lang ?? 'it');
  }

  @Post('plan')
  @HttpCode(HttpStatus.OK)
  @Roles('innovator', 'coordinator')
  @ApiOperation({ summary: 'The assignment of candidates to these buildings maximising the total fit (Hungarian method): a proposal, nothing is written' })
  @ApiOkResponse({ type: ReusePlanResponseDto })
  @ApiErrors(ReuseErrors.REUSE_BUILDING_NOT_FOUND)
  planReuse(@Scope() scope: AccessScope, @Body() body: ReusePlanDto, @Query() query: LangQuery): Promise<ReusePlanResponseDto> {
    return this.reuse.plan(scope, body.buildings, query.lang ?? 'it');
  }
}
