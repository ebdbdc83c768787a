import { Body, Controller, Get, HttpCode, HttpStatus, Param, Patch, Post, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AccessScope } from '../../common/access/access-scope';
import { Roles, Scope } from '../../common/auth/decorators';
import { CommonErrors } from '../../common/errors/app-error';
import { exportDownload } from '../../common/export/export-file';
import { registerExportResponse } from '../../common/export/register-export-query';
import { ApiErrors } from '../../common/http/api-errors';
import { UUID_LENGTH } from '../../common/http/api-schema';
import { UuidParam } from '../../common/http/uuid-param';
import { BuildingErrors } from './buildings.errors';
import { BuildingsService } from './buildings.service';
import { BuildingHistoryDto, BuildingResponseDto, BuildingsPageDto, ExpiringBuildingsDto } from './dto/building.response';
import { ExpiringBuildingsQuery, ExportBuildingsQuery, ListBuildingsQuery, StaleBuildingsQuery } from './dto/building-filters.query';
import { CreateBuildingDto } from './dto/create-building.dto';
import { MoveStageDto } from './dto/stage-building.dto';
import { UpdateBuildingDto, VerifyBuildingDto } from './dto/update-building.dto';

const BuildingId = () => UuidParam(() => BuildingErrors.BUILDING_NOT_FOUND());
const ApiBuildingId = () =>
  ApiParam({
    name: 'id',
    description: 'the building',
    schema: { type: 'string', format: 'uuid', minLength: UUID_LENGTH, maxLength: UUID_LENGTH },
  });
const NOT_FOUND = BuildingErrors.BUILDING_NOT_FOUND;
const STALE = CommonErrors.STALE_VERSION;

/** The buildings register (docs/buildings.md). */
@ApiTags('buildings')
@Controller('buildings')
export class BuildingsController {
  constructor(private readonly buildings: BuildingsService) {}

  @Get()
  @ApiOperation({ summary: 'List the buildings you may read, by name; filters combine' })
  @ApiOkResponse({ type: BuildingsPageDto })
  listBuildings(@Scope() scope: AccessScope, @Query() query: ListBuildingsQuery): Promise<BuildingsPageDto> {
    return this.buildings.listBuildings(scope, query);
  }

  @Get('export')
  @ApiOperation({ summary: 'Export the filtered list (csv, csv-it, xlsx, geojson), streamed' })
  @ApiOkResponse(registerExportResponse('exports.files.buildings', 'The filtered buildings as a file: one row (feature) per building'))
  exportBuildings(@Scope() scope: AccessScope, @Query() query: ExportBuildingsQuery): StreamableFile {
    return exportDownload(this.buildings.exportBuildings(scope, query));
  }

  @Get('expiring')
  @ApiOperation({ summary: 'Assignments of your territory ending within `months` (default 6), and the overdue ones' })
  @ApiOkResponse({ type: ExpiringBuildingsDto })
  expiringBuildings(@Scope() scope: AccessScope, @Query() query: ExpiringBuildingsQuery): Promise<ExpiringBuildingsDto> {
    return this.buildings.expiringBuildings(scope, query);
  }

  @Get('stale')
  @ApiOperation({ summary: 'Buildings of your territory not verified on site for `months` (default 12), never verified first' })
  @ApiOkResponse({ type: BuildingsPageDto })
  staleBuildings(@Scope() scope: AccessScope, @Query() query: StaleBuildingsQuery): Promise<BuildingsPageDto> {
    return this.buildings.staleBuildings(scope, query);
  }

  @Post()
  @Roles('innovator', 'coordinator')
  @ApiOperation({ summary: 'Map a building (stage mapped) in your territory; idempotent by clientId (201 new, 200 replay)' })
  @ApiCreatedResponse({ type: BuildingResponseDto })
  @ApiOkResponse({ type: BuildingResponseDto, description: 'a retry: the building created earlier with this clientId and body' })
  @ApiErrors(
    BuildingErrors.BUILDING_MUNICIPALITY_UNKNOWN,
    BuildingErrors.BUILDING_MUNICIPALITY_NOT_ASSIGNED,
    BuildingErrors.BUILDING_CLIENT_ID_CONFLICT,
    BuildingErrors.BUILDING_POINT_OUTSIDE_MUNICIPALITY,
    BuildingErrors.BUILDING_CONFISCATION_INCOMPLETE,
  )
  async createBuilding(
    @Scope() scope: AccessScope,
    @Body() body: CreateBuildingDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<BuildingResponseDto> {
    const { building, created } = await this.buildings.createBuilding(scope, body);
    res.status(created ? HttpStatus.CREATED : HttpStatus.OK);
    return building;
  }

  @Get(':id')
  @ApiOperation({ summary: 'One building you may read, with its monitoring' })
  @ApiBuildingId()
  @ApiOkResponse({ type: BuildingResponseDto })
  @ApiErrors(NOT_FOUND)
  getBuilding(@Scope() scope: AccessScope, @Param('id', BuildingId()) id: string): Promise<BuildingResponseDto> {
    return this.buildings.getBuilding(scope, id);
  }

  @Patch(':id')
  @Roles('innovator', 'coordinator')
  @ApiOperation({ summary: 'Edit a building of your territory (optimistic locking on version)' })
  @ApiBuildingId()
  @ApiOkResponse({ type: BuildingResponseDto })
  @ApiErrors(
    NOT_FOUND,
    STALE,
    BuildingErrors.BUILDING_NOT_EDITABLE,
    BuildingErrors.BUILDING_MUNICIPALITY_UNKNOWN,
    BuildingErrors.BUILDING_MUNICIPALITY_NOT_ASSIGNED,
    BuildingErrors.BUILDING_POINT_OUTSIDE_MUNICIPALITY,
    BuildingErrors.BUILDING_CONFISCATION_INCOMPLETE,
  )
  updateBuilding(
    @Scope() scope: AccessScope,
    @Param('id', BuildingId()) id: string,
    @Body() body: UpdateBuildingDto,
  ): Promise<BuildingResponseDto> {
    return this.buildings.updateBuilding(scope, id, body);
  }

  @Post(':id/stage')
  @HttpCode(HttpStatus.OK)
  @Roles('innovator', 'coordinator')
  @ApiOperation({ summary: 'Move the building along the reuse pipeline (discarded needs a reason, assigned the assignment)' })
  @ApiBuildingId()
  @ApiOkResponse({ type: BuildingResponseDto })
  @ApiErrors(
    NOT_FOUND,
    STALE,
    BuildingErrors.BUILDING_NOT_EDITABLE,
    BuildingErrors.BUILDING_INVALID_STAGE,
    BuildingErrors.BUILDING_STAGE_DATA_MISSING,
    BuildingErrors.BUILDING_ORGANIZATION_UNKNOWN,
  )
  moveBuildingStage(
    @Scope() scope: AccessScope,
    @Param('id', BuildingId()) id: string,
    @Body() body: MoveStageDto,
  ): Promise<BuildingResponseDto> {
    return this.buildings.moveStage(scope, id, body);
  }

  @Post(':id/verify')
  @HttpCode(HttpStatus.OK)
  @Roles('innovator', 'coordinator')
  @ApiOperation({ summary: '"Verified on site": sets lastVerifiedAt/By' })
  @ApiBuildingId()
  @ApiOkResponse({ type: BuildingResponseDto })
  @ApiErrors(NOT_FOUND, STALE, BuildingErrors.BUILDING_NOT_EDITABLE)
  verifyBuilding(
    @Scope() scope: AccessScope,
    @Param('id', BuildingId()) id: string,
    @Body() body: VerifyBuildingDto,
  ): Promise<BuildingResponseDto> {
    return this.buildings.verifyBuilding(scope, id, body.version);
  }

  @Get(':id/history')
  @ApiOperation({ summary: 'The stage timeline and the audit entries of a building (audit: staff only)' })
  @ApiBuildingId()
  @ApiOkResponse({ type: BuildingHistoryDto })
  @ApiErrors(NOT_FOUND)
  getBuildingHistory(@Scope() scope: AccessScope, @Param('id', BuildingId()) id: string): Promise<BuildingHistoryDto> {
    return this.buildings.getHistory(scope, id);
  }
}
