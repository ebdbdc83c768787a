import {
  Body,
  Controller,
  Delete,
  Get,
  Header,
  HttpCode,
  HttpStatus,
  Param,
  Patch,
  Post,
  Put,
  Query,
  Res,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiCreatedResponse, ApiOperation, ApiParam, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AccessScope } from '../../common/access/access-scope';
import { Roles, Scope } from '../../common/auth/decorators';
import { CommonErrors } from '../../common/errors/app-error';
import { ApiErrors } from '../../common/http/api-errors';
import { UUID_LENGTH } from '../../common/http/api-schema';
import { UuidParam } from '../../common/http/uuid-param';
import { ApiImportUpload, ImportQuery, ImportReportDto, ImportUploadInterceptor } from '../../common/import/import-upload';
import { ImportErrors } from '../../common/import/import.errors';
import {
  CreateIndicatorDto,
  CreateValueDto,
  DeleteValueQuery,
  IndicatorTemplateQuery,
  ListEntriesQuery,
  ListIndicatorsQuery,
  PutTargetsDto,
  TenantQuery,
  UpdateIndicatorDto,
  UpdateValueDto,
  ValueVersionDto,
} from './dto/indicator-requests.dto';
import {
  IndicatorDefinitionDto,
  IndicatorDefinitionListDto,
  IndicatorValueDto,
  IndicatorValueHistoryDto,
  IndicatorValuePageDto,
} from './dto/indicator.response';
import { IndicatorErrors } from './indicators.errors';
import { IndicatorsImportService } from './indicators.import';
import { IndicatorsService } from './indicators.service';
import { CodeParam } from './code-param';

const ValueId = () => UuidParam(() => IndicatorErrors.INDICATOR_VALUE_NOT_FOUND());
const ApiValueId = () =>
  ApiParam({
    name: 'id',
    description: 'the value',
    schema: { type: 'string', format: 'uuid', minLength: UUID_LENGTH, maxLength: UUID_LENGTH },
  });
const ApiCode = () =>
  ApiParam({
    name: 'code',
    description: 'the indicator code',
    schema: { type: 'string', pattern: '^[a-z][a-z0-9_]{1,62}$', minLength: 2, maxLength: 63 },
  });
const NOT_FOUND = IndicatorErrors.INDICATOR_NOT_FOUND;
const VALUE_NOT_FOUND = IndicatorErrors.INDICATOR_VALUE_NOT_FOUND;
const STALE = CommonErrors.STALE_VERSION;
const ENTRY_ERRORS = [
  IndicatorErrors.INDICATOR_COMPUTED,
  IndicatorErrors.INDICATOR_INACTIVE,
  IndicatorErrors.INDICATOR_PERIOD_INVALID,
  IndicatorErrors.INDICATOR_TERRITORY_UNKNOWN,
  IndicatorErrors.INDICATOR_TERRITORY_NOT_ASSIGNED,
  IndicatorErrors.INDICATOR_VALUE_DUPLICATE,
];

/**
 * Indicators (docs/indicators.md): definitions and targets, manual values and their validation,
 * the CSV import. The roll-up read (`GET /api/indicators/:code/values`) lives beside it.
 * Admins name the metropolitan city with `?tenant=<ISTAT>`.
 */
@ApiTags('indicators')
@Controller('indicators')
export class IndicatorsController {
  constructor(
    private readonly indicators: IndicatorsService,
    private readonly imports: IndicatorsImportService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'The indicator definitions of the metropolitan city, in display order' })
  @ApiOkResponse({ type: IndicatorDefinitionListDto })
  @ApiErrors(NOT_FOUND, IndicatorErrors.INDICATOR_TENANT_REQUIRED)
  listIndicators(@Scope() scope: AccessScope, @Query() query: ListIndicatorsQuery): Promise<IndicatorDefinitionListDto> {
    return this.indicators.listDefinitions(scope, query);
  }

  @Post()
  @Roles('coordinator')
  @ApiOperation({ summary: 'Define an indicator (coordinators); its code never changes' })
  @ApiCreatedResponse({ type: IndicatorDefinitionDto })
  @ApiErrors(IndicatorErrors.INDICATOR_CODE_TAKEN, IndicatorErrors.INDICATOR_DEFINITION_INVALID, IndicatorErrors.INDICATOR_TENANT_REQUIRED)
  createIndicator(
    @Scope() scope: AccessScope,
    @Query() query: TenantQuery,
    @Body() body: CreateIndicatorDto,
  ): Promise<IndicatorDefinitionDto> {
    return this.indicators.createDefinition(scope, body, query.tenant);
  }

  @Get('values/entries')
  @ApiOperation({ summary: 'The entered values you may read, newest first (the validation queue: status=draft)' })
  @ApiOkResponse({ type: IndicatorValuePageDto })
  @ApiErrors(IndicatorErrors.INDICATOR_PERIOD_INVALID, IndicatorErrors.INDICATOR_TENANT_REQUIRED)
  listValueEntries(@Scope() scope: AccessScope, @Query() query: ListEntriesQuery): Promise<IndicatorValuePageDto> {
    return this.indicators.listEntries(scope, query);
  }

  @Get('values/import/template')
  @Roles('innovator', 'coordinator')
  @ApiOperation({ summary: 'The CSV template of the values import, with its headers and an example row' })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'the template', content: { 'text/csv': { schema: { type: 'string', maxLength: 10_000 } } } })
  @Header('Content-Type', 'text/csv; charset=utf-8')
  getIndicatorImportTemplate(@Query() query: IndicatorTemplateQuery, @Res({ passthrough: true }) res: Response): string {
    const lang = query.lang ?? 'it';
    res.setHeader(
      'Content-Disposition',
      `attachment; filename="${lang === 'it' ? 'modello-valori-indicatori' : 'indicator-values-template'}.csv"`,
    );
    return this.imports.template(lang);
  }

  @Post('values/import')
  @HttpCode(HttpStatus.OK)
  @Roles('innovator', 'coordinator')
  @UseInterceptors(ImportUploadInterceptor)
  @ApiOperation({
    summary:
      'Import manual values from a CSV: with dryRun=true the row-by-row report only; otherwise all rows or none (400 IMPORT_REJECTED with the report), audited',
  })
  @ApiImportUpload('the CSV (the template of GET /api/indicators/values/import/template)')
  @ApiOkResponse({ type: ImportReportDto })
  @ApiErrors(
    ImportErrors.IMPORT_FILE_INVALID,
    ImportErrors.IMPORT_FILE_TOO_LARGE,
    ImportErrors.IMPORT_TOO_MANY_ROWS,
    ImportErrors.IMPORT_EMPTY,
    ImportErrors.IMPORT_REJECTED,
  )
  importIndicatorValues(
    @Scope() scope: AccessScope,
    @Query() query: ImportQuery,
    @UploadedFile() file: { buffer: Buffer; originalname?: string } | undefined,
  ): Promise<ImportReportDto> {
    return this.imports.importFile(scope, file, query.dryRun === true);
  }

  @Get('values/:id')
  @ApiOperation({ summary: 'One entered value you may read' })
  @ApiValueId()
  @ApiOkResponse({ type: IndicatorValueDto })
  @ApiErrors(VALUE_NOT_FOUND)
  getIndicatorValue(@Scope() scope: AccessScope, @Param('id', ValueId()) id: string): Promise<IndicatorValueDto> {
    return this.indicators.getValue(scope, id);
  }

  @Patch('values/:id')
  @Roles('innovator', 'coordinator')
  @ApiOperation({ summary: 'Correct a value or its note (a validated one: coordinators only); optimistic locking on version' })
  @ApiValueId()
  @ApiOkResponse({ type: IndicatorValueDto })
  @ApiErrors(VALUE_NOT_FOUND, IndicatorErrors.INDICATOR_VALUE_LOCKED, STALE)
  updateIndicatorValue(
    @Scope() scope: AccessScope,
    @Param('id', ValueId()) id: string,
    @Body() body: UpdateValueDto,
  ): Promise<IndicatorValueDto> {
    return this.indicators.updateValue(scope, id, body);
  }

  @Post('values/:id/validate')
  @HttpCode(HttpStatus.OK)
  @Roles('coordinator')
  @ApiOperation({ summary: 'Validate a draft (coordinators): from now on it counts in the dashboards' })
  @ApiValueId()
  @ApiOkResponse({ type: IndicatorValueDto })
  @ApiErrors(VALUE_NOT_FOUND, IndicatorErrors.INDICATOR_VALUE_NOT_DRAFT, STALE)
  validateIndicatorValue(
    @Scope() scope: AccessScope,
    @Param('id', ValueId()) id: string,
    @Body() body: ValueVersionDto,
  ): Promise<IndicatorValueDto> {
    return this.indicators.validateValue(scope, id, body.version);
  }

  @Delete('values/:id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @Roles('innovator', 'coordinator')
  @ApiOperation({ summary: 'Delete a draft (validated values are corrected, never deleted); audited' })
  @ApiValueId()
  @ApiNoContentResponse({ description: 'deleted' })
  @ApiErrors(VALUE_NOT_FOUND, IndicatorErrors.INDICATOR_VALUE_NOT_DRAFT, STALE)
  async deleteIndicatorValue(
    @Scope() scope: AccessScope,
    @Param('id', ValueId()) id: string,
    @Query() query: DeleteValueQuery,
  ): Promise<void> {
    await this.indicators.deleteValue(scope, id, query.version);
  }

  @Get('values/:id/history')
  @ApiOperation({ summary: 'The audit entries of a value, oldest first' })
  @ApiValueId()
  @ApiOkResponse({ type: IndicatorValueHistoryDto })
  @ApiErrors(VALUE_NOT_FOUND)
  getIndicatorValueHistory(@Scope() scope: AccessScope, @Param('id', ValueId()) id: string): Promise<IndicatorValueHistoryDto> {
    return this.indicators.valueHistory(scope, id);
  }

  @Get(':code')
  @ApiOperation({ summary: 'One indicator definition with the targets you may read' })
  @ApiCode()
  @ApiOkResponse({ type: IndicatorDefinitionDto })
  @ApiErrors(NOT_FOUND, IndicatorErrors.INDICATOR_TENANT_REQUIRED)
  getIndicator(
    @Scope() scope: AccessScope,
    @Param('code', CodeParam()) code: string,
    @Query() query: TenantQuery,
  ): Promise<IndicatorDefinitionDto> {
    return this.indicators.getDefinition(scope, code, query.tenant);
  }

  @Patch(':code')
  @Roles('coordinator')
  @ApiOperation({ summary: 'Edit an indicator definition (coordinators; code and source never change); optimistic locking on version' })
  @ApiCode()
  @ApiOkResponse({ type: IndicatorDefinitionDto })
  @ApiErrors(NOT_FOUND, STALE, IndicatorErrors.INDICATOR_DEFINITION_INVALID, IndicatorErrors.INDICATOR_TENANT_REQUIRED)
  updateIndicator(
    @Scope() scope: AccessScope,
    @Param('code', CodeParam()) code: string,
    @Query() query: TenantQuery,
    @Body() body: UpdateIndicatorDto,
  ): Promise<IndicatorDefinitionDto> {
    return this.indicators.updateDefinition(scope, code, body, query.tenant);
  }

  @Put(':code/targets')
  @Roles('coordinator')
  @ApiOperation({ summary: "Replace the indicator's targets per year and territory (coordinators); the definition's version bumps" })
  @ApiCode()
  @ApiOkResponse({ type: IndicatorDefinitionDto })
  @ApiErrors(
    NOT_FOUND,
    STALE,
    IndicatorErrors.INDICATOR_TERRITORY_UNKNOWN,
    IndicatorErrors.INDICATOR_TARGET_DUPLICATE,
    IndicatorErrors.INDICATOR_TENANT_REQUIRED,
  )
  putIndicatorTargets(
    @Scope() scope: AccessScope,
    @Param('code', CodeParam()) code: string,
    @Query() query: TenantQuery,
    @Body() body: PutTargetsDto,
  ): Promise<IndicatorDefinitionDto> {
    return this.indicators.putTargets(scope, code, body, query.tenant);
  }

  @Post(':code/values')
  @Roles('innovator', 'coordinator')
  @ApiOperation({
    summary: "Enter a manual value (a coordinator's is validated at once; an innovator's, for an assigned municipality, is a draft)",
  })
  @ApiCode()
  @ApiCreatedResponse({ type: IndicatorValueDto })
  @ApiErrors(NOT_FOUND, IndicatorErrors.INDICATOR_TENANT_REQUIRED, ...ENTRY_ERRORS)
  createIndicatorValue(
    @Scope() scope: AccessScope,
    @Param('code', CodeParam()) code: string,
    @Query() query: TenantQuery,
    @Body() body: CreateValueDto,
  ): Promise<IndicatorValueDto> {
    return this.indicators.createValue(scope, code, body, query.tenant);
  }
}
