import { ApiProperty } from '@nestjs/swagger';
import {
  COMPUTED_INDICATORS,
  type ComputedIndicator,
  INDICATOR_AGGREGATIONS,
  INDICATOR_DIRECTIONS,
  INDICATOR_KINDS,
  INDICATOR_PROGRESS_STATUSES,
  INDICATOR_SOURCES,
  INDICATOR_UNITS,
  type IndicatorAggregation,
  type IndicatorDefinitionSummary,
  type IndicatorDirection,
  type IndicatorKind,
  type IndicatorProgressStatus,
  type IndicatorSource,
  type IndicatorUnit,
  type IndicatorValuePoint,
  type IndicatorValuesResponse,
  PERIOD_GRAINS,
  type PeriodGrain,
} from '@trama/contracts';
import { ApiArray, ApiEnum, ApiInt, ApiNumber, ApiText } from '../../../common/http/api-schema';

const BIG = 1e15;

export class IndicatorReadSummaryDto implements IndicatorDefinitionSummary {
  @ApiText(64) code: string;
  @ApiText(200) nameIt: string;
  @ApiText(200) nameEn: string;
  @ApiEnum(INDICATOR_UNITS, 'IndicatorUnit') unit: IndicatorUnit;
  @ApiEnum(INDICATOR_KINDS, 'IndicatorKind') kind: IndicatorKind;
  @ApiEnum(INDICATOR_AGGREGATIONS, 'IndicatorAggregation') timeAggregation: IndicatorAggregation;
  @ApiEnum(INDICATOR_AGGREGATIONS, 'IndicatorAggregation') territoryAggregation: IndicatorAggregation;
  @ApiEnum(INDICATOR_DIRECTIONS, 'IndicatorDirection') direction: IndicatorDirection;
  @ApiProperty() perCapita: boolean;
  @ApiInt(0, 4) decimals: number;
  @ApiEnum(INDICATOR_SOURCES, 'IndicatorSource') source: IndicatorSource;
  @ApiEnum(COMPUTED_INDICATORS, 'ComputedIndicator', { nullable: true }) computation: ComputedIndicator | null;
  @ApiNumber(-BIG, BIG, { nullable: true }) baselineValue: number | null;
  @ApiInt(2000, 2100, { nullable: true }) baselineYear: number | null;
}

export class IndicatorProgressDto {
  @ApiNumber(0, BIG, { nullable: true, description: 'share of the way from the start (baseline or 0) to the target; 1 = reached' })
  share: number | null;

  @ApiEnum(INDICATOR_PROGRESS_STATUSES, 'IndicatorProgressStatus', {
    nullable: true,
    description: 'reached; on_track when the share is at least the elapsed share of the year; behind',
  })
  status: IndicatorProgressStatus | null;

  @ApiNumber(0, 1, { description: 'the elapsed share of the year it was judged against (1 once the year is over)' })
  expectedShare: number;
}

export class IndicatorValuePointDto implements IndicatorValuePoint {
  @ApiText(75, { description: 'tenant | socialArea:<code> | municipality:<ISTAT code>' }) territory: string;
  @ApiText(300) territoryName: string;
  @ApiText(7, { description: '2026 | 2026-Q3 | 2026-09' }) period: string;
  @ApiNumber(-BIG, BIG, { nullable: true, description: 'null = missing (never 0)' }) value: number | null;
  @ApiNumber(-BIG, BIG, {
    nullable: true,
    description: 'the target of the year for exactly this territory (no split); per capita when the view is',
  })
  target: number | null;
  @ApiProperty({ type: IndicatorProgressDto, nullable: true, description: 'year periods with a value and a target only' })
  progress: IndicatorProgressDto | null;
  @ApiInt(0, 2_147_483_647, { nullable: true, required: false, description: 'residents used for the per-capita value (per-capita views)' })
  population?: number | null;
  @ApiProperty({ description: 'every part of the roll-up had a value (a missing month, municipality… makes it false)' })
  complete: boolean;
  @ApiInt(0, 1_000_000, { description: 'parts of the last roll-up step that had a value' }) covered: number;
  @ApiInt(0, 1_000_000, { description: 'parts of the last roll-up step' }) expected: number;
}

export class IndicatorValuesResponseDto implements IndicatorValuesResponse {
  @ApiProperty({ type: IndicatorReadSummaryDto }) indicator: IndicatorReadSummaryDto;
  @ApiEnum(PERIOD_GRAINS, 'PeriodGrain') grain: PeriodGrain;
  @ApiProperty() perCapita: boolean;
  @ApiProperty() includeDrafts: boolean;
  @ApiArray(IndicatorValuePointDto, 5000, { description: 'territory by territory, periods ascending' })
  items: IndicatorValuePointDto[];
}

export class IndicatorTerritoryItemDto {
  @ApiProperty({ type: IndicatorReadSummaryDto }) indicator: IndicatorReadSummaryDto;
  @ApiProperty({ type: IndicatorValuePointDto }) point: IndicatorValuePointDto;
}

export class IndicatorTerritoryResponseDto {
  @ApiText(75) territory: string;
  @ApiText(300) territoryName: string;
  @ApiText(7) period: string;
  @ApiArray(IndicatorTerritoryItemDto, 1000, { description: 'every active indicator, in display order' })
  items: IndicatorTerritoryItemDto[];
}
