import {
  Body,
  Controller,
  Get,
  Header,
  HttpCode,
  HttpStatus,
  Param,
  Patch,
  Post,
  Query,
  Res,
  StreamableFile,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiParam, ApiProduces, ApiTags } from '@nestjs/swagger';
import { LANGUAGES, type Language } from '@trama/contracts';
import { IsIn } from 'class-validator';
import type { Response } from 'express';
import { AccessScope } from '../../common/access/access-scope';
import { Roles, Scope } from '../../common/auth/decorators';
import { CommonErrors } from '../../common/errors/app-error';
import { exportDownload } from '../../common/export/export-file';
import { registerExportResponse } from '../../common/export/register-export-query';
import { ApiErrors } from '../../common/http/api-errors';
import { ApiEnum, UUID_LENGTH } from '../../common/http/api-schema';
import { Optional } from '../../common/http/fields';
import { ApiImportUpload, ImportQuery, ImportReportDto, ImportUploadInterceptor } from '../../common/import/import-upload';
import { ImportErrors } from '../../common/import/import.errors';
import { UuidParam } from '../../common/http/uuid-param';
import { BuildingErrors } from './buildings.errors';
import { BuildingsImportService } from './buildings.import';
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

class BuildingImportTemplateQuery {
  @ApiEnum(LANGUAGES, 'Language', {
    required: false,
    default: 'it',
    description: 'the language of the headers (it: for Excel in Italian, `;` and BOM)',
  })
  @Optional()
  @IsIn(LANGUAGES)
  lang: Language = 'it';
}

/** The buildings register (docs/buildings.md). */
@ApiTags('buildings')
@Controller('buildings')
export class BuildingsController {
  constructor(
    private readonly buildings: BuildingsService,
    private readonly imports: BuildingsImportService,
  ) {}

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

  @Get('import/template')
  @Roles('innovator', 'coordinator')
  @ApiOperation({ summary: 'The CSV template of the buildings import, with its headers and an example row (docs/imports.md)' })
  @ApiProduces('text/csv')
  @ApiOkResponse({
    description: 'the template',
    content: { 'text/csv': { schema: { type: 'string', maxLength: 10_000 } } },
  })
  @Header('Content-Type', 'text/csv; charset=utf-8')
  getBuildingImportTemplate(@Query() query: BuildingImportTemplateQuery, @Res({ passthrough: true }) res: Response): string {
    const lang = query.lang ?? 'it';
    res.setHeader('Content-Disposition', `attachment; filename="${lang === 'it' ? 'modello-immobili' : 'buildings-template'}.csv"`);
    return this.imports.template(lang);
  }

  @Post('import')
  @HttpCode(HttpStatus.OK)
  @Roles('innovator', 'coordinator')
  @UseInterceptors(ImportUploadInterceptor)
  @ApiOperation({
    summary:
      'Import buildings from a CSV (matched by the id column; new ones are mapped): with dryRun=true the row-by-row report only; otherwise all rows or none (400 IMPORT_REJECTED with the report), audited',
  })
  @ApiImportUpload('the CSV (the template of GET /api/buildings/import/template)')
  @ApiOkResponse({ type: ImportReportDto })
  @ApiErrors(
    ImportErrors.IMPORT_FILE_INVALID,
    ImportErrors.IMPORT_FILE_TOO_LARGE,
    ImportErrors.IMPORT_TOO_MANY_ROWS,
    ImportErrors.IMPORT_EMPTY,
    ImportErrors.IMPORT_REJECTED,
  )
  importBuildings(
    @Scope() scope: AccessScope,
    @Query() query: ImportQuery,
    @UploadedFile() file: { buffer: Buffer; originalname?: string } | undefined,
  ): Promise<ImportReportDto> {
    return this.imports.importFile(scope, file, query.dryRun === true);
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
