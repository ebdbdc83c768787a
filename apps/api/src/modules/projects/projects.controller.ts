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
import { exportResponse } from '../../common/export/export-query';
import { ApiErrors } from '../../common/http/api-errors';
import { ApiEnum, UUID_LENGTH } from '../../common/http/api-schema';
import { Optional } from '../../common/http/fields';
import { ApiImportUpload, ImportQuery, ImportReportDto, ImportUploadInterceptor } from '../../common/import/import-upload';
import { ImportErrors } from '../../common/import/import.errors';
import { UuidParam } from '../../common/http/uuid-param';
import { AddProjectProgressDto } from './dto/add-progress.dto';
import { CreateProjectDto } from './dto/create-project.dto';
import { ExportProjectsQuery, ListProjectsQuery } from './dto/project-filters.query';
import { ProjectHistoryDto, ProjectPageDto, ProjectResponseDto } from './dto/project.response';
import { UpdateProjectDto } from './dto/update-project.dto';
import { ProjectErrors } from './projects.errors';
import { ProjectsImportService } from './projects.import';
import { ProjectsService } from './projects.service';

const ProjectId = () => UuidParam(() => ProjectErrors.PROJECT_NOT_FOUND());
const ApiProjectId = () =>
  ApiParam({
    name: 'id',
    description: 'the project',
    schema: { type: 'string', format: 'uuid', minLength: UUID_LENGTH, maxLength: UUID_LENGTH },
  });
const NOT_FOUND = ProjectErrors.PROJECT_NOT_FOUND;
const STALE = CommonErrors.STALE_VERSION;
const CONTENT_ERRORS = [
  ProjectErrors.PROJECT_CODE_TAKEN,
  ProjectErrors.PROJECT_CUP_TAKEN,
  ProjectErrors.PROJECT_CUP_REQUIRED,
  ProjectErrors.PROJECT_DATES_ORDER,
  ProjectErrors.PROJECT_MUNICIPALITY_UNKNOWN,
  ProjectErrors.PROJECT_ORGANIZATION_UNKNOWN,
  ProjectErrors.PROJECT_LINK_UNKNOWN,
  ProjectErrors.PROJECT_BENEFICIARY_REPEATED,
];
const PROGRESS_ERRORS = [
  ProjectErrors.PROJECT_COMMITTED_OVER_ADMITTED,
  ProjectErrors.PROJECT_PAID_OVER_COMMITTED,
  ProjectErrors.PROJECT_PROGRESS_DATE_TAKEN,
  ProjectErrors.PROJECT_PROGRESS_DATE_FUTURE,
];

class ProjectImportTemplateQuery {
  @ApiEnum(LANGUAGES, 'Language', { required: false, default: 'it' })
  @Optional()
  @IsIn(LANGUAGES)
  lang: Language = 'it';
}

@ApiTags('projects')
@Controller('projects')
export class ProjectsController {
  constructor(
    private readonly projects: ProjectsService,
    private readonly imports: ProjectsImportService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'List the projects you may read, by code; filters combine; each with its latest financial snapshot' })
  @ApiOkResponse({ type: ProjectPageDto })
  listProjects(@Scope() scope: AccessScope, @Query() query: ListProjectsQuery): Promise<ProjectPageDto> {
    return this.projects.listProjects(scope, query);
  }

  @Get('export')
  @ApiOperation({ summary: 'Export the filtered list (csv, csv-it, xlsx) with each latest snapshot, streamed' })
  @ApiOkResponse(exportResponse('exports.files.projects', 'the projects you may read that match the filters, by code'))
  exportProjects(@Scope() scope: AccessScope, @Query() query: ExportProjectsQuery): StreamableFile {
    return exportDownload(this.projects.exportProjects(scope, query));
  }

  @Get('import/template')
  @Roles('coordinator')
  @ApiOperation({
    summary: 'The CSV template of the projects import (OpenCoesione-shaped headers), with an example row (docs/projects.md)',
  })
  @ApiProduces('text/csv')
  @ApiOkResponse({
    description: 'the template',
    content: { 'text/csv': { schema: { type: 'string', maxLength: 10_000 } } },
  })
  @Header('Content-Type', 'text/csv; charset=utf-8')
  getProjectsImportTemplate(@Query() query: ProjectImportTemplateQuery, @Res({ passthrough: true }) res: Response): string {
    const lang = query.lang ?? 'it';
    res.setHeader('Content-Disposition', `attachment; filename="${lang === 'it' ? 'modello-progetti' : 'projects-template'}.csv"`);
    return this.imports.template(lang);
  }

  @Post('import')
  @HttpCode(HttpStatus.OK)
  @Roles('coordinator')
  @UseInterceptors(ImportUploadInterceptor)
  @ApiOperation({
    summary:
      'Import project sheets from an OpenCoesione-shaped CSV (matched by CUP, else code): with dryRun=true the row-by-row report only; otherwise all rows or none (400 IMPORT_REJECTED with the report), audited',
  })
  @ApiImportUpload('the CSV (the template of GET /api/projects/import/template)')
  @ApiOkResponse({ type: ImportReportDto })
  @ApiErrors(
    ImportErrors.IMPORT_FILE_INVALID,
    ImportErrors.IMPORT_FILE_TOO_LARGE,
    ImportErrors.IMPORT_TOO_MANY_ROWS,
    ImportErrors.IMPORT_EMPTY,
    ImportErrors.IMPORT_REJECTED,
  )
  importProjects(
    @Scope() scope: AccessScope,
    @Query() query: ImportQuery,
    @UploadedFile() file: { buffer: Buffer; originalname?: string } | undefined,
  ): Promise<ImportReportDto> {
    return this.imports.importFile(scope, file, query.dryRun === true);
  }

  @Post()
  @Roles('coordinator')
  @ApiOperation({ summary: 'Register a project (coordinators); idempotent by clientId (201 new, 200 replay)' })
  @ApiCreatedResponse({ type: ProjectResponseDto })
  @ApiOkResponse({ type: ProjectResponseDto, description: 'a retry: the project created earlier with this clientId and body' })
  @ApiErrors(...CONTENT_ERRORS, ProjectErrors.PROJECT_CLIENT_ID_CONFLICT)
  async createProject(
    @Scope() scope: AccessScope,
    @Body() body: CreateProjectDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ProjectResponseDto> {
    const { project, created } = await this.projects.createProject(scope, body);
    res.status(created ? HttpStatus.CREATED : HttpStatus.OK);
    return project;
  }

  @Get(':id')
  @ApiOperation({ summary: 'One project you may read, with its financial snapshots, beneficiaries, links and documents' })
  @ApiProjectId()
  @ApiOkResponse({ type: ProjectResponseDto })
  @ApiErrors(NOT_FOUND)
  getProject(@Scope() scope: AccessScope, @Param('id', ProjectId()) id: string): Promise<ProjectResponseDto> {
    return this.projects.getProject(scope, id);
  }

  @Patch(':id')
  @Roles('coordinator')
  @ApiOperation({ summary: 'Edit a project (optimistic locking on version); a list sent replaces the list' })
  @ApiProjectId()
  @ApiOkResponse({ type: ProjectResponseDto })
  @ApiErrors(NOT_FOUND, STALE, ...CONTENT_ERRORS)
  updateProject(
    @Scope() scope: AccessScope,
    @Param('id', ProjectId()) id: string,
    @Body() body: UpdateProjectDto,
  ): Promise<ProjectResponseDto> {
    return this.projects.updateProject(scope, id, body);
  }

  @Post(':id/progress')
  @Roles('coordinator')
  @ApiOperation({ summary: 'Add a dated snapshot of the financial progress (programmed, admitted, committed, paid)' })
  @ApiProjectId()
  @ApiCreatedResponse({ type: ProjectResponseDto })
  @ApiErrors(NOT_FOUND, STALE, ...PROGRESS_ERRORS)
  addProjectProgress(
    @Scope() scope: AccessScope,
    @Param('id', ProjectId()) id: string,
    @Body() body: AddProjectProgressDto,
  ): Promise<ProjectResponseDto> {
    return this.projects.addProgress(scope, id, body);
  }

  @Get(':id/history')
  @ApiOperation({ summary: 'The audit entries of the project, oldest first' })
  @ApiProjectId()
  @ApiOkResponse({ type: ProjectHistoryDto })
  @ApiErrors(NOT_FOUND)
  getProjectHistory(@Scope() scope: AccessScope, @Param('id', ProjectId()) id: string): Promise<ProjectHistoryDto> {
    return this.projects.getHistory(scope, id);
  }
}
