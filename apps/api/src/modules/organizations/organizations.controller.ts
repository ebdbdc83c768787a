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
import { UuidParam } from '../../common/http/uuid-param';
import { ApiImportUpload, ImportQuery, ImportReportDto, ImportUploadInterceptor } from '../../common/import/import-upload';
import { ImportErrors } from '../../common/import/import.errors';
import { CreateOrganizationDto } from './dto/create-organization.dto';
import { ExportOrganizationsQuery, ListOrganizationsQuery, StaleOrganizationsQuery } from './dto/list-organizations.query';
import { DuplicatesQueryDto, MergeOrganizationDto, VerifyOrganizationDto } from './dto/organization-actions.dto';
import {
  DuplicatesResponseDto,
  OrganizationHistoryEntryDto,
  OrganizationResponseDto,
  OrganizationsPageDto,
} from './dto/organization.response';
import { UpdateOrganizationDto } from './dto/update-organization.dto';
import { OrganizationErrors } from './organizations.errors';
import { OrganizationsImportService } from './organizations.import';
import { OrganizationsService } from './organizations.service';

const OrganizationId = () => UuidParam(() => OrganizationErrors.ORGANIZATION_NOT_FOUND());
const ApiOrganizationId = () =>
  ApiParam({ name: 'id', schema: { type: 'string', format: 'uuid', minLength: UUID_LENGTH, maxLength: UUID_LENGTH } });
const NOT_FOUND = OrganizationErrors.ORGANIZATION_NOT_FOUND;
const STALE = CommonErrors.STALE_VERSION;

class TemplateQuery {
  @ApiEnum(LANGUAGES, 'Language', {
    required: false,
    default: 'it',
    description: 'the language of the headers (it: for Excel in Italian, `;` and BOM)',
  })
  @Optional()
  @IsIn(LANGUAGES)
  lang: Language = 'it';
}

@ApiTags('organizations')
@Controller('organizations')
export class OrganizationsController {
  constructor(
    private readonly organizations: OrganizationsService,
    private readonly imports: OrganizationsImportService,
  ) {}

  @Get()
  @ApiOperation({
    summary: "List the organizations you may see (your tenant's; municipality users: their territory's), by name; filters combine",
  })
  @ApiOkResponse({ type: OrganizationsPageDto })
  listOrganizations(@Scope() scope: AccessScope, @Query() query: ListOrganizationsQuery): Promise<OrganizationsPageDto> {
    return this.organizations.listOrganizations(scope, query);
  }

  @Get('export')
  @ApiOperation({ summary: 'Export the filtered list (csv, csv-it, xlsx, geojson), streamed' })
  @ApiOkResponse(
    registerExportResponse('exports.files.organizations', 'The filtered organizations as a file: one row (feature) per organization'),
  )
  exportOrganizations(@Scope() scope: AccessScope, @Query() query: ExportOrganizationsQuery): StreamableFile {
    return exportDownload(this.organizations.exportOrganizations(scope, query));
  }

  @Get('stale')
  @ApiOperation({
    summary:
      'Organizations of your territory not verified on site for `months` (or never), never verified first (innovators: your municipalities)',
  })
  @ApiOkResponse({ type: OrganizationsPageDto })
  listStaleOrganizations(@Scope() scope: AccessScope, @Query() query: StaleOrganizationsQuery): Promise<OrganizationsPageDto> {
    return this.organizations.staleOrganizations(scope, query);
  }

  @Get('import/template')
  @Roles('innovator', 'coordinator')
  @ApiOperation({ summary: 'The CSV template of the import, with its headers and an example row (docs/imports.md)' })
  @ApiProduces('text/csv')
  @ApiOkResponse({
    description: 'the template',
    content: { 'text/csv': { schema: { type: 'string', maxLength: 10_000 } } },
  })
  @Header('Content-Type', 'text/csv; charset=utf-8')
  getOrganizationImportTemplate(@Query() query: TemplateQuery, @Res({ passthrough: true }) res: Response): string {
    const lang = query.lang ?? 'it';
    res.setHeader(
      'Content-Disposition',
      `attachment; filename="${lang === 'it' ? 'modello-organizzazioni' : 'organisations-template'}.csv"`,
    );
    return this.imports.template(lang);
  }

  @Post('import')
  @HttpCode(HttpStatus.OK)
  @Roles('innovator', 'coordinator')
  @UseInterceptors(ImportUploadInterceptor)
  @ApiOperation({
    summary:
      'Import organizations from a CSV: with dryRun=true the row-by-row report only; otherwise all rows or none (400 IMPORT_REJECTED with the report), audited',
  })
  @ApiImportUpload('the CSV (the template of GET /api/organizations/import/template)')
  @ApiOkResponse({ type: ImportReportDto })
  @ApiErrors(
    ImportErrors.IMPORT_FILE_INVALID,
    ImportErrors.IMPORT_FILE_TOO_LARGE,
    ImportErrors.IMPORT_TOO_MANY_ROWS,
    ImportErrors.IMPORT_EMPTY,
    ImportErrors.IMPORT_REJECTED,
  )
  importOrganizations(
    @Scope() scope: AccessScope,
    @Query() query: ImportQuery,
    @UploadedFile() file: { buffer: Buffer; originalname?: string } | undefined,
  ): Promise<ImportReportDto> {
    return this.imports.importFile(scope, file, query.dryRun === true);
  }

  @Post('duplicates')
  @HttpCode(HttpStatus.OK)
  @Roles('innovator', 'coordinator')
  @ApiOperation({
    summary:
      'Before saving: the organizations with this tax code (blocking) or a similar name in this or a neighbouring municipality (a warning)',
  })
  @ApiOkResponse({ type: DuplicatesResponseDto })
  @ApiErrors(OrganizationErrors.ORGANIZATION_MUNICIPALITY_UNKNOWN)
  findOrganizationDuplicates(@Scope() scope: AccessScope, @Body() body: DuplicatesQueryDto): Promise<DuplicatesResponseDto> {
    return this.organizations.findDuplicates(scope, body);
  }

  @Post()
  @Roles('innovator', 'coordinator')
  @ApiOperation({
    summary:
      'Register an organization (innovators: in their assigned municipalities; coordinators: anywhere in the tenant); idempotent by clientId (201 new, 200 replay)',
  })
  @ApiCreatedResponse({ type: OrganizationResponseDto })
  @ApiOkResponse({ type: OrganizationResponseDto, description: 'a retry: the organization created earlier with this clientId and body' })
  @ApiErrors(
    OrganizationErrors.ORGANIZATION_MUNICIPALITY_UNKNOWN,
    OrganizationErrors.ORGANIZATION_MUNICIPALITY_NOT_ASSIGNED,
    OrganizationErrors.ORGANIZATION_TAX_CODE_TAKEN,
    OrganizationErrors.ORGANIZATION_POSSIBLE_DUPLICATE,
    OrganizationErrors.ORGANIZATION_POINT_OUTSIDE_MUNICIPALITY,
    OrganizationErrors.ORGANIZATION_CONTACT_CONSENT_REQUIRED,
    OrganizationErrors.ORGANIZATION_CLIENT_ID_CONFLICT,
  )
  async createOrganization(
    @Scope() scope: AccessScope,
    @Body() body: CreateOrganizationDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<OrganizationResponseDto> {
    const { organization, created } = await this.organizations.createOrganization(scope, body);
    res.status(created ? HttpStatus.CREATED : HttpStatus.OK);
    return organization;
  }

  @Get(':id')
  @ApiOperation({ summary: 'One organization you may see (a merged one says into which: `mergedInto`)' })
  @ApiOrganizationId()
  @ApiOkResponse({ type: OrganizationResponseDto })
  @ApiErrors(NOT_FOUND)
  getOrganization(@Scope() scope: AccessScope, @Param('id', OrganizationId()) id: string): Promise<OrganizationResponseDto> {
    return this.organizations.getOrganization(scope, id);
  }

  @Patch(':id')
  @Roles('innovator', 'coordinator')
  @ApiOperation({ summary: 'Edit an organization of your municipalities (coordinators: of the tenant), at the version you loaded' })
  @ApiOrganizationId()
  @ApiOkResponse({ type: OrganizationResponseDto })
  @ApiErrors(
    NOT_FOUND,
    STALE,
    OrganizationErrors.ORGANIZATION_MERGED,
    OrganizationErrors.ORGANIZATION_MUNICIPALITY_UNKNOWN,
    OrganizationErrors.ORGANIZATION_MUNICIPALITY_NOT_ASSIGNED,
    OrganizationErrors.ORGANIZATION_TAX_CODE_TAKEN,
    OrganizationErrors.ORGANIZATION_POSSIBLE_DUPLICATE,
    OrganizationErrors.ORGANIZATION_POINT_OUTSIDE_MUNICIPALITY,
    OrganizationErrors.ORGANIZATION_CONTACT_CONSENT_REQUIRED,
  )
  updateOrganization(
    @Scope() scope: AccessScope,
    @Param('id', OrganizationId()) id: string,
    @Body() body: UpdateOrganizationDto,
  ): Promise<OrganizationResponseDto> {
    return this.organizations.updateOrganization(scope, id, body);
  }

  @Get(':id/history')
  @ApiOperation({ summary: 'The audit entries of the organization, oldest first (not for municipality users)' })
  @ApiOrganizationId()
  @ApiOkResponse({ type: OrganizationHistoryEntryDto, isArray: true, description: 'every entry, oldest first' })
  @ApiErrors(NOT_FOUND)
  getOrganizationHistory(@Scope() scope: AccessScope, @Param('id', OrganizationId()) id: string): Promise<OrganizationHistoryEntryDto[]> {
    return this.organizations.getHistory(scope, id);
  }

  @Post(':id/verify')
  @HttpCode(HttpStatus.OK)
  @Roles('innovator', 'coordinator')
  @ApiOperation({ summary: '"Verified on site": records who and when (not an edit of the content)' })
  @ApiOrganizationId()
  @ApiOkResponse({ type: OrganizationResponseDto })
  @ApiErrors(NOT_FOUND, STALE, OrganizationErrors.ORGANIZATION_MERGED, OrganizationErrors.ORGANIZATION_MUNICIPALITY_NOT_ASSIGNED)
  verifyOrganization(
    @Scope() scope: AccessScope,
    @Param('id', OrganizationId()) id: string,
    @Body() body: VerifyOrganizationDto,
  ): Promise<OrganizationResponseDto> {
    return this.organizations.verifyOrganization(scope, id, body.version);
  }

  @Post(':id/merge')
  @HttpCode(HttpStatus.OK)
  @Roles('coordinator')
  @ApiOperation({
    summary:
      'Merge a duplicate into this organization: its links move here, empty fields are filled from it, it is marked merged (both audited)',
  })
  @ApiOrganizationId()
  @ApiOkResponse({ type: OrganizationResponseDto, description: 'the survivor' })
  @ApiErrors(NOT_FOUND, STALE, OrganizationErrors.ORGANIZATION_MERGED, OrganizationErrors.ORGANIZATION_MERGE_SELF)
  mergeOrganization(
    @Scope() scope: AccessScope,
    @Param('id', OrganizationId()) id: string,
    @Body() body: MergeOrganizationDto,
  ): Promise<OrganizationResponseDto> {
    return this.organizations.mergeOrganizations(scope, id, body);
  }
}
