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
import { ChangeInitiativeStatusDto } from './dto/change-initiative-status.dto';
import { CreateInitiativeDto } from './dto/create-initiative.dto';
import { ExportInitiativesQuery, ListInitiativesQuery } from './dto/initiative-filters.query';
import { InitiativeHistoryDto, InitiativePageDto, InitiativeResponseDto } from './dto/initiative.response';
import { UpdateInitiativeDto } from './dto/update-initiative.dto';
import { InitiativeErrors } from './initiatives.errors';
import { InitiativesService } from './initiatives.service';

const InitiativeId = () => UuidParam(() => InitiativeErrors.INITIATIVE_NOT_FOUND());
const ApiInitiativeId = () =>
  ApiParam({
    name: 'id',
    description: 'the initiative',
    schema: { type: 'string', format: 'uuid', minLength: UUID_LENGTH, maxLength: UUID_LENGTH },
  });
const NOT_FOUND = InitiativeErrors.INITIATIVE_NOT_FOUND;
const STALE = CommonErrors.STALE_VERSION;
const CONTENT_ERRORS = [
  InitiativeErrors.INITIATIVE_MUNICIPALITY_UNKNOWN,
  InitiativeErrors.INITIATIVE_MUNICIPALITY_NOT_ASSIGNED,
  InitiativeErrors.INITIATIVE_ORGANIZATION_UNKNOWN,
  InitiativeErrors.INITIATIVE_BUILDING_UNKNOWN,
  InitiativeErrors.INITIATIVE_POINT_OUTSIDE_MUNICIPALITY,
  InitiativeErrors.INITIATIVE_DATES_ORDER,
  InitiativeErrors.INITIATIVE_CUP_REQUIRED,
  InitiativeErrors.INITIATIVE_FUNDING_SOURCE_REQUIRED,
];

@ApiTags('initiatives')
@Controller('initiatives')
export class InitiativesController {
  constructor(private readonly initiatives: InitiativesService) {}

  @Get()
  @ApiOperation({ summary: 'List the initiatives you may read, by title; filters combine' })
  @ApiOkResponse({ type: InitiativePageDto })
  listInitiatives(@Scope() scope: AccessScope, @Query() query: ListInitiativesQuery): Promise<InitiativePageDto> {
    return this.initiatives.listInitiatives(scope, query);
  }

  @Get('export')
  @ApiOperation({ summary: 'Export the filtered list (csv, csv-it, xlsx, geojson), streamed' })
  @ApiOkResponse(registerExportResponse('exports.files.initiatives', 'the initiatives you may read that match the filters, by title'))
  exportInitiatives(@Scope() scope: AccessScope, @Query() query: ExportInitiativesQuery): StreamableFile {
    return exportDownload(this.initiatives.exportInitiatives(scope, query));
  }

  @Post()
  @Roles('innovator', 'coordinator')
  @ApiOperation({
    summary: 'Register an initiative (innovators: with at least one of your municipalities); idempotent by clientId (201 new, 200 replay)',
  })
  @ApiCreatedResponse({ type: InitiativeResponseDto })
  @ApiOkResponse({ type: InitiativeResponseDto, description: 'a retry: the initiative created earlier with this clientId and body' })
  @ApiErrors(...CONTENT_ERRORS, InitiativeErrors.INITIATIVE_CLIENT_ID_CONFLICT)
  async createInitiative(
    @Scope() scope: AccessScope,
    @Body() body: CreateInitiativeDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<InitiativeResponseDto> {
    const { initiative, created } = await this.initiatives.createInitiative(scope, body);
    res.status(created ? HttpStatus.CREATED : HttpStatus.OK);
    return initiative;
  }

  @Get(':id')
  @ApiOperation({ summary: 'One initiative you may read, with its status timeline and the linked activities you may read' })
  @ApiInitiativeId()
  @ApiOkResponse({ type: InitiativeResponseDto })
  @ApiErrors(NOT_FOUND)
  getInitiative(@Scope() scope: AccessScope, @Param('id', InitiativeId()) id: string): Promise<InitiativeResponseDto> {
    return this.initiatives.getInitiative(scope, id);
  }

  @Patch(':id')
  @Roles('innovator', 'coordinator')
  @ApiOperation({ summary: 'Edit an initiative (optimistic locking on version)' })
  @ApiInitiativeId()
  @ApiOkResponse({ type: InitiativeResponseDto })
  @ApiErrors(NOT_FOUND, InitiativeErrors.INITIATIVE_NOT_EDITABLE, STALE, ...CONTENT_ERRORS)
  updateInitiative(
    @Scope() scope: AccessScope,
    @Param('id', InitiativeId()) id: string,
    @Body() body: UpdateInitiativeDto,
  ): Promise<InitiativeResponseDto> {
    return this.initiatives.updateInitiative(scope, id, body);
  }

  @Post(':id/status')
  @HttpCode(HttpStatus.OK)
  @Roles('innovator', 'coordinator')
  @ApiOperation({ summary: 'Move the initiative along its status machine (idea → planned → running → completed, or stopped)' })
  @ApiInitiativeId()
  @ApiOkResponse({ type: InitiativeResponseDto })
  @ApiErrors(
    NOT_FOUND,
    InitiativeErrors.INITIATIVE_NOT_EDITABLE,
    STALE,
    InitiativeErrors.INITIATIVE_INVALID_TRANSITION,
    InitiativeErrors.INITIATIVE_REASON_REQUIRED,
    InitiativeErrors.INITIATIVE_CUP_REQUIRED,
    InitiativeErrors.INITIATIVE_DATES_ORDER,
  )
  changeInitiativeStatus(
    @Scope() scope: AccessScope,
    @Param('id', InitiativeId()) id: string,
    @Body() body: ChangeInitiativeStatusDto,
  ): Promise<InitiativeResponseDto> {
    return this.initiatives.changeStatus(scope, id, body);
  }

  @Get(':id/history')
  @ApiOperation({ summary: 'The audit entries and the status timeline of the initiative, oldest first' })
  @ApiInitiativeId()
  @ApiOkResponse({ type: InitiativeHistoryDto })
  @ApiErrors(NOT_FOUND)
  getInitiativeHistory(@Scope() scope: AccessScope, @Param('id', InitiativeId()) id: string): Promise<InitiativeHistoryDto> {
    return this.initiatives.getHistory(scope, id);
  }
}
