import { ApiProperty, ApiSchema, OmitType, PartialType } from '@nestjs/swagger';
import {
  COMPUTED_INDICATORS,
  type ComputedIndicator,
  INDICATOR_AGGREGATIONS,
  INDICATOR_DECIMALS_MAX,
  INDICATOR_DESCRIPTION_MAX,
  INDICATOR_DIRECTIONS,
  INDICATOR_KINDS,
  INDICATOR_NAME_MAX,
  INDICATOR_SOURCE_NOTE_MAX,
  INDICATOR_SOURCES,
  INDICATOR_TARGETS_MAX,
  INDICATOR_UNITS,
  INDICATOR_VALUE_MAX,
  INDICATOR_VALUE_STATUSES,
  INDICATOR_YEAR_MAX,
  INDICATOR_YEAR_MIN,
  type IndicatorAggregation,
  type IndicatorComputationParams,
  type IndicatorDirection,
  type IndicatorKind,
  type IndicatorSource,
  type IndicatorUnit,
  type IndicatorValueStatus,
  LANGUAGES,
  type Language,
} from '@trama/contracts';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsObject, IsString, Length, Matches, MaxLength, ValidateNested } from 'class-validator';
import { ApiCode, ApiEnum, ApiIstatTenant, ApiText } from '../../../common/http/api-schema';
import { IntColumn, NumberColumn, Optional, QueryInt, VersionColumn } from '../../../common/http/fields';
import { PageQuery } from '../../../common/http/pagination';
import { Trim, TrimToNull } from '../../../common/http/trim';

export const INDICATOR_CODE_TEXT = '^[a-z][a-z0-9_]{1,62}$';
export const PERIOD_TEXT = '^[0-9]{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$';
export const TERRITORY_TEXT = '^(tenant|socialArea:[A-Za-z0-9_.-]{1,64}|municipality:[0-9]{6})$';
const TERRITORY_MAX = 80;
const ISTAT_TENANT = /^[0-9]{3}$/;

/** `?tenant=<ISTAT>`: admins name the metropolitan city; anyone else may leave it out (another tenant's is a 404). */
export class TenantQuery {
  @ApiIstatTenant({ required: false, description: 'ISTAT code of the metropolitan city: required for admins, else your own' })
  @Optional()
  @IsString()
  @Matches(ISTAT_TENANT, { message: 'tenant must be the 3-digit ISTAT code of a metropolitan city' })
  tenant?: string;
}

/** GET /api/indicators */
export class ListIndicatorsQuery extends TenantQuery {
  @ApiProperty({ required: false, description: 'only the active (true) or inactive (false) ones' })
  @Optional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  active?: boolean;
}

/** The parameters of a computation (COMPUTATION_PARAMS says which each accepts). */
@ApiSchema({ name: 'IndicatorComputationParams' })
export class ComputationParamsDto implements IndicatorComputationParams {
  @ApiText(40, { required: false, description: 'activities_held, activity_participants: one activity type' })
  @Optional()
  @IsString()
  activityType?: IndicatorComputationParams['activityType'];

  @ApiText(40, { required: false, description: 'buildings_in_stage: the reuse stage' })
  @Optional()
  @IsString()
  stage?: IndicatorComputationParams['stage'];
}

/** POST /api/indicators (coordinators). The tenant is the caller's (admins: `?tenant=`). */
@ApiSchema({ name: 'CreateIndicatorRequest' })
export class CreateIndicatorDto {
  @ApiCode(INDICATOR_CODE_TEXT, 63, { minLength: 2, description: 'lower-case letters, digits and _; never changes' })
  @IsString()
  @Matches(/^[a-z][a-z0-9_]{1,62}$/, { message: 'code must be 2–63 lower-case letters, digits or _, starting with a letter' })
  code: string;

  @ApiText(INDICATOR_NAME_MAX, { minLength: 1 })
  @Trim()
  @IsString()
  @Length(1, INDICATOR_NAME_MAX)
  nameIt: string;

  @ApiText(INDICATOR_NAME_MAX, { minLength: 1 })
  @Trim()
  @IsString()
  @Length(1, INDICATOR_NAME_MAX)
  nameEn: string;

  @ApiText(INDICATOR_DESCRIPTION_MAX, { required: false, nullable: true })
  @Optional({ nullable: true })
  @TrimToNull()
  @IsString()
  @MaxLength(INDICATOR_DESCRIPTION_MAX)
  descriptionIt?: string | null;

  @ApiText(INDICATOR_DESCRIPTION_MAX, { required: false, nullable: true })
  @Optional({ nullable: true })
  @TrimToNull()
  @IsString()
  @MaxLength(INDICATOR_DESCRIPTION_MAX)
  descriptionEn?: string | null;

  @ApiEnum(INDICATOR_UNITS, 'IndicatorUnit')
  @IsIn(INDICATOR_UNITS)
  unit: IndicatorUnit;

  @ApiEnum(INDICATOR_KINDS, 'IndicatorKind')
  @IsIn(INDICATOR_KINDS)
  kind: IndicatorKind;

  @ApiEnum(INDICATOR_AGGREGATIONS, 'IndicatorAggregation', { description: 'month → quarter → year' })
  @IsIn(INDICATOR_AGGREGATIONS)
  timeAggregation: IndicatorAggregation;

  @ApiEnum(INDICATOR_AGGREGATIONS, 'IndicatorAggregation', { description: 'municipality → social area → tenant' })
  @IsIn(INDICATOR_AGGREGATIONS)
  territoryAggregation: IndicatorAggregation;

  @ApiEnum(INDICATOR_DIRECTIONS, 'IndicatorDirection', { description: 'which way is better' })
  @IsIn(INDICATOR_DIRECTIONS)
  direction: IndicatorDirection;

  @ApiProperty({ required: false, default: false, description: 'shown per 1,000 inhabitants' })
  @Optional()
  @IsBoolean()
  perCapita?: boolean;

  @IntColumn(0, INDICATOR_DECIMALS_MAX, { required: false, default: 0 })
  @Optional()
  decimals?: number;

  @NumberColumn(-INDICATOR_VALUE_MAX, INDICATOR_VALUE_MAX, {
    required: false,
    nullable: true,
    description: 'with baselineYear, or neither',
  })
  @Optional({ nullable: true })
  baselineValue?: number | null;

  @IntColumn(INDICATOR_YEAR_MIN, INDICATOR_YEAR_MAX, { required: false, nullable: true })
  @Optional({ nullable: true })
  baselineYear?: number | null;

  @ApiEnum(INDICATOR_SOURCES, 'IndicatorSource', { description: 'manual: entered or imported; computed: from the records' })
  @IsIn(INDICATOR_SOURCES)
  source: IndicatorSource;

  @ApiEnum(COMPUTED_INDICATORS, 'ComputedIndicator', {
    required: false,
    nullable: true,
    description: 'required when computed; null when manual',
  })
  @Optional({ nullable: true })
  @IsIn(COMPUTED_INDICATORS)
  computation?: ComputedIndicator | null;

  @ApiProperty({ type: () => ComputationParamsDto, required: false })
  @Optional()
  @IsObject()
  @ValidateNested()
  @Type(() => ComputationParamsDto)
  computationParams?: ComputationParamsDto;

  @IntColumn(0, 100_000, { required: false, description: 'display order (default: after the others)' })
  @Optional()
  position?: number;

  @ApiProperty({ required: false, default: true })
  @Optional()
  @IsBoolean()
  active?: boolean;
}

/** PATCH /api/indicators/:code: the fields sent change; code and source never change. */
@ApiSchema({ name: 'UpdateIndicatorRequest' })
export class UpdateIndicatorDto extends PartialType(OmitType(CreateIndicatorDto, ['code', 'source'] as const), {
  skipNullProperties: false,
}) {
  @VersionColumn()
  version: number;
}

@ApiSchema({ name: 'IndicatorTargetInput' })
export class TargetInputDto {
  @IntColumn(INDICATOR_YEAR_MIN, INDICATOR_YEAR_MAX)
  year: number;

  @ApiCode(TERRITORY_TEXT, TERRITORY_MAX, { description: 'tenant | socialArea:<code> | municipality:<ISTAT>' })
  @IsString()
  @MaxLength(TERRITORY_MAX)
  territory: string;

  @NumberColumn(-INDICATOR_VALUE_MAX, INDICATOR_VALUE_MAX)
  value: number;
}

/** PUT /api/indicators/:code/targets: the whole list of targets (replaces the previous one). */
@ApiSchema({ name: 'PutIndicatorTargetsRequest' })
export class PutTargetsDto {
  @VersionColumn({ description: "the definition's version (the targets belong to it; a stale one is a 409)" })
  version: number;

  @ApiProperty({ type: () => TargetInputDto, isArray: true, maxItems: INDICATOR_TARGETS_MAX })
  @IsArray()
  @ArrayMaxSize(INDICATOR_TARGETS_MAX)
  @ValidateNested({ each: true })
  @Type(() => TargetInputDto)
  targets: TargetInputDto[];
}

/** POST /api/indicators/:code/values */
@ApiSchema({ name: 'CreateIndicatorValueRequest' })
export class CreateValueDto {
  @ApiCode(TERRITORY_TEXT, TERRITORY_MAX, { description: 'tenant | socialArea:<code> | municipality:<ISTAT>' })
  @IsString()
  @MaxLength(TERRITORY_MAX)
  territory: string;

  @ApiCode(PERIOD_TEXT, 7, { minLength: 4, description: '2026, 2026-Q3 or 2026-09' })
  @IsString()
  @MaxLength(7)
  period: string;

  @NumberColumn(-INDICATOR_VALUE_MAX, INDICATOR_VALUE_MAX)
  value: number;

  @ApiText(INDICATOR_SOURCE_NOTE_MAX, { required: false, nullable: true, description: 'the source of the figure' })
  @Optional({ nullable: true })
  @TrimToNull()
  @IsString()
  @MaxLength(INDICATOR_SOURCE_NOTE_MAX)
  note?: string | null;
}

/** PATCH /api/indicators/values/:id: value and note (territory and period never change: delete the draft and enter it again). */
@ApiSchema({ name: 'UpdateIndicatorValueRequest' })
export class UpdateValueDto {
  @VersionColumn()
  version: number;

  @NumberColumn(-INDICATOR_VALUE_MAX, INDICATOR_VALUE_MAX, { required: false })
  @Optional()
  value?: number;

  @ApiText(INDICATOR_SOURCE_NOTE_MAX, { required: false, nullable: true })
  @Optional({ nullable: true })
  @TrimToNull()
  @IsString()
  @MaxLength(INDICATOR_SOURCE_NOTE_MAX)
  note?: string | null;
}

/** POST …/validate, DELETE: the version the client loaded. */
@ApiSchema({ name: 'IndicatorValueVersionRequest' })
export class ValueVersionDto {
  @VersionColumn()
  version: number;
}

/** GET /api/indicators/values/entries: the raw entered values (the validation queue with status=draft). */
export class ListEntriesQuery extends PageQuery {
  @ApiIstatTenant({ required: false, description: 'required for admins' })
  @Optional()
  @IsString()
  @Matches(ISTAT_TENANT, { message: 'tenant must be the 3-digit ISTAT code of a metropolitan city' })
  tenant?: string;

  @ApiEnum(INDICATOR_VALUE_STATUSES, 'IndicatorValueStatus', { required: false })
  @Optional()
  @IsIn(INDICATOR_VALUE_STATUSES)
  status?: IndicatorValueStatus;

  @ApiCode(INDICATOR_CODE_TEXT, 63, { required: false, description: 'one indicator' })
  @Optional()
  @IsString()
  @Matches(/^[a-z][a-z0-9_]{1,62}$/, { message: 'indicator must be an indicator code' })
  indicator?: string;

  @ApiCode(TERRITORY_TEXT, TERRITORY_MAX, { required: false })
  @Optional()
  @IsString()
  @MaxLength(TERRITORY_MAX)
  @Matches(new RegExp(TERRITORY_TEXT), { message: 'territory must be tenant, socialArea:<code> or municipality:<ISTAT code>' })
  territory?: string;

  @ApiCode(PERIOD_TEXT, 7, { required: false, minLength: 4 })
  @Optional()
  @IsString()
  @MaxLength(7)
  @Matches(new RegExp(PERIOD_TEXT), { message: 'period must be a year (2026), a quarter (2026-Q3) or a month (2026-09)' })
  period?: string;
}

/** DELETE /api/indicators/values/:id?version= */
export class DeleteValueQuery {
  @QueryInt(1, undefined, { description: 'the version the caller loaded (a stale one is a 409)' })
  version: number;
}

/** GET /api/indicators/values/import/template?lang= */
export class IndicatorTemplateQuery {
  @ApiEnum(LANGUAGES, 'Language', {
    required: false,
    default: 'it',
    description: 'the language of the headers (it: for Excel in Italian, `;` and BOM)',
  })
  @Optional()
  @IsIn(LANGUAGES)
  lang: Language = 'it';
}
