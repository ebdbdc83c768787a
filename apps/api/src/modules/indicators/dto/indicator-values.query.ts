import { ApiProperty, IntersectionType } from '@nestjs/swagger';
import {
  INDICATOR_BREAKDOWNS,
  type IndicatorBreakdown,
  PERIOD_GRAINS,
  PERIOD_PATTERN,
  type PeriodGrain,
  TERRITORY_PARAM_PATTERN,
} from '@trama/contracts';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsString, Matches } from 'class-validator';
import { ExportQuery } from '../../../common/export/export-query';
import { ApiEnum } from '../../../common/http/api-schema';
import { Optional } from '../../../common/http/fields';

const QueryBoolean = () => Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value));
const PERIOD_DOC = 'a year (2026), a quarter (2026-Q3) or a month (2026-09)';

/** Which territory and periods to read (GET /api/indicators/<code>/values and its export). */
export class IndicatorValuesQuery {
  @ApiProperty({
    required: false,
    default: 'tenant',
    description: 'tenant | socialArea:<code> | municipality:<ISTAT code>; municipality users: their own territory only (else 404)',
    pattern: TERRITORY_PARAM_PATTERN.source,
    maxLength: 75,
  })
  @Optional()
  @IsString()
  @Matches(TERRITORY_PARAM_PATTERN, { message: 'territory must be tenant, socialArea:<code> or municipality:<6-digit ISTAT code>' })
  territory: string = 'tenant';

  @ApiEnum(INDICATOR_BREAKDOWNS, 'IndicatorBreakdown', {
    required: false,
    description: "list the territory's municipalities (or social areas) instead of the territory itself",
  })
  @Optional()
  @IsIn(INDICATOR_BREAKDOWNS)
  by?: IndicatorBreakdown;

  @ApiProperty({
    required: false,
    description: `one period: ${PERIOD_DOC}; not with from/to`,
    pattern: PERIOD_PATTERN.source,
    maxLength: 7,
  })
  @Optional()
  @IsString()
  @Matches(PERIOD_PATTERN, { message: `period must be ${PERIOD_DOC}` })
  period?: string;

  @ApiProperty({
    required: false,
    description: `first period of a range (with to): ${PERIOD_DOC}`,
    pattern: PERIOD_PATTERN.source,
    maxLength: 7,
  })
  @Optional()
  @IsString()
  @Matches(PERIOD_PATTERN, { message: `from must be ${PERIOD_DOC}` })
  from?: string;

  @ApiProperty({
    required: false,
    description: `last period of a range (with from): ${PERIOD_DOC}`,
    pattern: PERIOD_PATTERN.source,
    maxLength: 7,
  })
  @Optional()
  @IsString()
  @Matches(PERIOD_PATTERN, { message: `to must be ${PERIOD_DOC}` })
  to?: string;

  @ApiEnum(PERIOD_GRAINS, 'PeriodGrain', {
    required: false,
    description: 'the periods of the answer (default: the grain of period, or of from; the current year without either)',
  })
  @Optional()
  @IsIn(PERIOD_GRAINS)
  grain?: PeriodGrain;

  @ApiProperty({ required: false, type: Boolean, description: "per 1,000 inhabitants (default: the definition's setting)" })
  @Optional()
  @QueryBoolean()
  @IsBoolean()
  perCapita?: boolean;

  @ApiProperty({ required: false, type: Boolean, default: false, description: 'count draft values too (coordinators and innovators)' })
  @Optional()
  @QueryBoolean()
  @IsBoolean()
  drafts: boolean = false;
}

/** The same view as a file. */
export class ExportIndicatorValuesQuery extends IntersectionType(IndicatorValuesQuery, ExportQuery) {}

/** One territory's every active indicator for one period (the territory page). */
export class IndicatorTerritoryQuery {
  @ApiProperty({
    required: false,
    default: 'tenant',
    description: 'tenant | socialArea:<code> | municipality:<ISTAT code>',
    pattern: TERRITORY_PARAM_PATTERN.source,
    maxLength: 75,
  })
  @Optional()
  @IsString()
  @Matches(TERRITORY_PARAM_PATTERN, { message: 'territory must be tenant, socialArea:<code> or municipality:<6-digit ISTAT code>' })
  territory: string = 'tenant';

  @ApiProperty({ required: false, description: `${PERIOD_DOC} (default: the current year)`, pattern: PERIOD_PATTERN.source, maxLength: 7 })
  @Optional()
  @IsString()
  @Matches(PERIOD_PATTERN, { message: `period must be ${PERIOD_DOC}` })
  period?: string;

  @ApiProperty({ required: false, type: Boolean, default: false, description: 'count draft values too (coordinators and innovators)' })
  @Optional()
  @QueryBoolean()
  @IsBoolean()
  drafts: boolean = false;
}
