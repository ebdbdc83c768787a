import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import {
  COMPUTED_INDICATORS,
  type ComputedIndicator,
  INDICATOR_AGGREGATIONS,
  INDICATOR_DESCRIPTION_MAX,
  INDICATOR_DIRECTIONS,
  INDICATOR_KINDS,
  INDICATOR_NAME_MAX,
  INDICATOR_SOURCE_NOTE_MAX,
  INDICATOR_SOURCES,
  INDICATOR_TARGETS_MAX,
  INDICATOR_TERRITORY_KINDS,
  INDICATOR_UNITS,
  INDICATOR_VALUE_STATUSES,
  MAX_PAGE_SIZE,
  PERIOD_GRAINS,
  type IndicatorAggregation,
  type IndicatorDirection,
  type IndicatorKind,
  type IndicatorSource,
  type IndicatorTerritoryKind,
  type IndicatorUnit,
  type IndicatorValueStatus,
  type PeriodGrain,
} from '@trama/contracts';
import {
  ApiArray,
  ApiCode,
  ApiDate,
  ApiDateTime,
  ApiEnum,
  ApiInt,
  ApiNumber,
  ApiText,
  ApiUuid,
  INT32_MAX,
} from '../../../common/http/api-schema';
import { UserRefDto } from '../../../common/http/refs.dto';
import { ComputationParamsDto, INDICATOR_CODE_TEXT, PERIOD_TEXT, TERRITORY_TEXT } from './indicator-requests.dto';

const NUMBER_MAX = 1e13;

@ApiSchema({ name: 'IndicatorTerritory' })
export class IndicatorTerritoryDto {
  @ApiEnum(INDICATOR_TERRITORY_KINDS, 'IndicatorTerritoryKind') kind: IndicatorTerritoryKind;
  @ApiCode(TERRITORY_TEXT, 80, { description: 'tenant | socialArea:<code> | municipality:<ISTAT>' }) code: string;
  @ApiText(300, { description: 'the municipality or social area name; the tenant: empty' }) name: string;
}

@ApiSchema({ name: 'IndicatorTarget' })
export class IndicatorTargetDto {
  @ApiInt(2000, 2100) year: number;
  @ApiProperty({ type: () => IndicatorTerritoryDto }) territory: IndicatorTerritoryDto;
  @ApiNumber(-NUMBER_MAX, NUMBER_MAX) value: number;
}

@ApiSchema({ name: 'IndicatorDefinition' })
export class IndicatorDefinitionDto {
  @ApiCode(INDICATOR_CODE_TEXT, 63) code: string;
  @ApiText(INDICATOR_NAME_MAX) nameIt: string;
  @ApiText(INDICATOR_NAME_MAX) nameEn: string;
  @ApiText(INDICATOR_DESCRIPTION_MAX, { nullable: true }) descriptionIt: string | null;
  @ApiText(INDICATOR_DESCRIPTION_MAX, { nullable: true }) descriptionEn: string | null;
  @ApiEnum(INDICATOR_UNITS, 'IndicatorUnit') unit: IndicatorUnit;
  @ApiEnum(INDICATOR_KINDS, 'IndicatorKind') kind: IndicatorKind;
  @ApiEnum(INDICATOR_AGGREGATIONS, 'IndicatorAggregation') timeAggregation: IndicatorAggregation;
  @ApiEnum(INDICATOR_AGGREGATIONS, 'IndicatorAggregation') territoryAggregation: IndicatorAggregation;
  @ApiEnum(INDICATOR_DIRECTIONS, 'IndicatorDirection') direction: IndicatorDirection;
  @ApiProperty() perCapita: boolean;
  @ApiInt(0, 4) decimals: number;
  @ApiNumber(-NUMBER_MAX, NUMBER_MAX, { nullable: true }) baselineValue: number | null;
  @ApiInt(2000, 2100, { nullable: true }) baselineYear: number | null;
  @ApiEnum(INDICATOR_SOURCES, 'IndicatorSource') source: IndicatorSource;
  @ApiEnum(COMPUTED_INDICATORS, 'ComputedIndicator', { nullable: true }) computation: ComputedIndicator | null;
  @ApiProperty({ type: () => ComputationParamsDto }) computationParams: ComputationParamsDto;
  @ApiInt(0, 100_000) position: number;
  @ApiProperty() active: boolean;
  @ApiInt(1, INT32_MAX) version: number;
  @ApiDateTime() updatedAt: string;
  @ApiArray(IndicatorTargetDto, INDICATOR_TARGETS_MAX, {
    required: false,
    description: 'detail only: the targets you may read (municipality users: of their territory)',
  })
  targets?: IndicatorTargetDto[];
}

@ApiSchema({ name: 'IndicatorDefinitionList' })
export class IndicatorDefinitionListDto {
  @ApiArray(IndicatorDefinitionDto, 10_000) items: IndicatorDefinitionDto[];
  @ApiInt(0, INT32_MAX) total: number;
}

@ApiSchema({ name: 'IndicatorValue' })
export class IndicatorValueDto {
  @ApiUuid() id: string;
  @ApiCode(INDICATOR_CODE_TEXT, 63) indicator: string;
  @ApiProperty({ type: () => IndicatorTerritoryDto }) territory: IndicatorTerritoryDto;
  @ApiCode(PERIOD_TEXT, 7) period: string;
  @ApiEnum(PERIOD_GRAINS, 'PeriodGrain') grain: PeriodGrain;
  @ApiDate() periodStart: string;
  @ApiDate() periodEnd: string;
  @ApiNumber(-NUMBER_MAX, NUMBER_MAX) value: number;
  @ApiText(INDICATOR_SOURCE_NOTE_MAX, { nullable: true }) note: string | null;
  @ApiEnum(INDICATOR_VALUE_STATUSES, 'IndicatorValueStatus') status: IndicatorValueStatus;
  @ApiProperty({ type: () => UserRefDto, nullable: true, description: 'who entered it' }) enteredBy: UserRefDto | null;
  @ApiProperty({ type: () => UserRefDto, nullable: true }) validatedBy: UserRefDto | null;
  @ApiDateTime({ nullable: true }) validatedAt: string | null;
  @ApiInt(1, INT32_MAX) version: number;
  @ApiDateTime() createdAt: string;
  @ApiDateTime() updatedAt: string;
}

@ApiSchema({ name: 'IndicatorValuePage' })
export class IndicatorValuePageDto {
  @ApiArray(IndicatorValueDto, MAX_PAGE_SIZE) items: IndicatorValueDto[];
  @ApiInt(0, INT32_MAX) total: number;
  @ApiInt(1, INT32_MAX) page: number;
  @ApiInt(1, MAX_PAGE_SIZE) pageSize: number;
}

export const INDICATOR_VALUE_HISTORY_ACTIONS = ['create', 'update', 'validate', 'delete', 'import'] as const;

@ApiSchema({ name: 'IndicatorValueHistoryEntry' })
export class IndicatorValueHistoryEntryDto {
  @ApiCode('^[0-9]+$', 20, { description: 'the audit entry id (a bigint, as text)' }) id: string;
  @ApiDateTime() at: string;
  @ApiProperty({ type: () => UserRefDto, nullable: true, description: 'null for the system' }) actor: UserRefDto | null;
  @ApiEnum(INDICATOR_VALUE_HISTORY_ACTIONS, 'IndicatorValueHistoryAction') action: string;
  @ApiProperty({ type: 'object', nullable: true, additionalProperties: true }) before: unknown;
  @ApiProperty({ type: 'object', nullable: true, additionalProperties: true }) after: unknown;
}

@ApiSchema({ name: 'IndicatorValueHistory' })
export class IndicatorValueHistoryDto {
  @ApiArray(IndicatorValueHistoryEntryDto, 100_000, { description: 'oldest first' }) entries: IndicatorValueHistoryEntryDto[];
}
