import { Controller, Get, Param, Query, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { INDICATOR_CODE_PATTERN } from '@trama/contracts';
import { AccessScope } from '../../common/access/access-scope';
import { Scope } from '../../common/auth/decorators';
import { exportDownload, exportFile } from '../../common/export/export-file';
import { exportResponse } from '../../common/export/export-query';
import { ApiErrors } from '../../common/http/api-errors';
import { ExportIndicatorValuesQuery, IndicatorTerritoryQuery, IndicatorValuesQuery } from './dto/indicator-values.query';
import { IndicatorTerritoryResponseDto, IndicatorValuesResponseDto } from './dto/indicator-values.response';
import { IndicatorReadErrors } from './indicator-values-read.errors';
import { IndicatorValuesReadService } from './indicator-values-read.service';
import { INDICATOR_VALUES_EXPORT } from './indicator-values.export';
import { IndicatorErrors } from './indicators.errors';

const ApiIndicatorCode = () =>
  ApiParam({
    name: 'code',
    description: 'the indicator code',
    schema: { type: 'string', pattern: INDICATOR_CODE_PATTERN.source, maxLength: 63 },
  });

const READ_ERRORS = [
  IndicatorErrors.INDICATOR_NOT_FOUND,
  IndicatorErrors.INDICATOR_TENANT_REQUIRED,
  IndicatorReadErrors.INDICATOR_TERRITORY_NOT_FOUND,
  IndicatorReadErrors.INDICATOR_RANGE_INVALID,
  IndicatorReadErrors.INDICATOR_RANGE_TOO_LARGE,
  IndicatorReadErrors.INDICATOR_BREAKDOWN_INVALID,
  IndicatorReadErrors.INDICATOR_DRAFTS_FORBIDDEN,
];

/**
 * The indicators' read side (docs/indicators-rollup.md): rolled-up values of one indicator, their
 * export, and one territory's every indicator. Registered before the definitions' controller, so
 * `/indicators/territory` is this overview, not a definition code.
 */
@ApiTags('indicators')
@Controller('indicators')
export class IndicatorValuesReadController {
  constructor(private readonly reads: IndicatorValuesReadService) {}

  @Get('territory')
  @ApiOperation({ summary: "One territory's every active indicator for one period: value, target, progress (the territory page)" })
  @ApiOkResponse({ type: IndicatorTerritoryResponseDto })
  @ApiErrors(
    IndicatorErrors.INDICATOR_TENANT_REQUIRED,
    IndicatorReadErrors.INDICATOR_TERRITORY_NOT_FOUND,
    IndicatorReadErrors.INDICATOR_DRAFTS_FORBIDDEN,
  )
  readIndicatorTerritory(@Scope() scope: AccessScope, @Query() query: IndicatorTerritoryQuery): Promise<IndicatorTerritoryResponseDto> {
    return this.reads.readTerritory(scope, query);
  }

  @Get(':code/values')
  @ApiOperation({
    summary: 'Values of an indicator rolled up per territory and period (missing = null, never 0), per capita, with targets and progress',
  })
  @ApiIndicatorCode()
  @ApiOkResponse({ type: IndicatorValuesResponseDto })
  @ApiErrors(...READ_ERRORS)
  readIndicatorValues(
    @Scope() scope: AccessScope,
    @Param('code') code: string,
    @Query() query: IndicatorValuesQuery,
  ): Promise<IndicatorValuesResponseDto> {
    return this.reads.readValues(scope, code, query);
  }

  @Get(':code/values/export')
  @ApiOperation({ summary: 'The same view as a file (csv, csv-it, xlsx), labels in the language asked for' })
  @ApiIndicatorCode()
  @ApiOkResponse(exportResponse('exports.files.indicatorValues', 'the rolled-up values of the view, territory by territory'))
  @ApiErrors(...READ_ERRORS)
  async exportIndicatorValues(
    @Scope() scope: AccessScope,
    @Param('code') code: string,
    @Query() query: ExportIndicatorValuesQuery,
  ): Promise<StreamableFile> {
    const rows = await this.reads.exportRows(scope, code, query);
    return exportDownload(exportFile(INDICATOR_VALUES_EXPORT, { format: query.format, language: query.lang }, oneBatch(rows)));
  }
}

async function* oneBatch<T>(rows: T[]): AsyncGenerator<T[]> {
  await Promise.resolve();
  yield rows;
}
