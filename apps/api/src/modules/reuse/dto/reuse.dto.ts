import { ApiProperty, ApiSchema, IntersectionType } from '@nestjs/swagger';
import {
  LANGUAGES,
  type Language,
  REUSE_BOUNDS_FACTOR,
  REUSE_FACTORS,
  REUSE_MATCHES_MAX,
  REUSE_PLAN_MAX_BUILDINGS,
  REUSE_WEIGHT_MAX,
  type ReuseFactor,
  type ReuseWeights,
  SUITABLE_USES,
} from '@trama/contracts';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsObject, IsUUID, ValidateNested } from 'class-validator';
import { ExportQuery } from '../../../common/export/export-query';
import {
  ApiArray,
  ApiCount,
  ApiDateTime,
  ApiEnum,
  ApiEnumArray,
  ApiInt,
  ApiStringArray,
  ApiText,
  ApiUuid,
  ApiVersion,
  UUID_LENGTH,
} from '../../../common/http/api-schema';
import { IntColumn, Optional, VersionColumn } from '../../../common/http/fields';
import { PageQuery } from '../../../common/http/pagination';
import { BboxFilterQuery } from '../../../common/geo/bbox';
import { BuildingFiltersQuery } from '../../buildings/dto/building-filters.query';

/** The language of the explanations (the interface's). */
export class LangQuery {
  @ApiEnum(LANGUAGES, 'Language', { required: false, default: 'it', description: 'the language of the explanations and reasons' })
  @Optional()
  @IsIn(LANGUAGES)
  lang: Language = 'it';
}

/** GET /api/reuse/buildings: the register's filters, the map's bbox (the reuse layer's list view), a page, the language. */
export class ReuseRankingQuery extends IntersectionType(BuildingFiltersQuery, BboxFilterQuery, PageQuery, LangQuery) {}

/** GET /api/reuse/buildings/export. */
export class ReuseExportQuery extends IntersectionType(BuildingFiltersQuery, ExportQuery) {}

/** One weight per factor, each an integer 0–100 (0 leaves the factor out). */
@ApiSchema({ name: 'ReuseWeights' })
export class ReuseWeightsDto implements ReuseWeights {
  @IntColumn(0, REUSE_WEIGHT_MAX) condition: number;
  @IntColumn(0, REUSE_WEIGHT_MAX) size: number;
  @IntColumn(0, REUSE_WEIGHT_MAX) accessibility: number;
  @IntColumn(0, REUSE_WEIGHT_MAX) constraints: number;
  @IntColumn(0, REUSE_WEIGHT_MAX) ownership: number;
  @IntColumn(0, REUSE_WEIGHT_MAX) currentUse: number;
  @IntColumn(0, REUSE_WEIGHT_MAX) stage: number;
  @IntColumn(0, REUSE_WEIGHT_MAX) timeUnused: number;
  @IntColumn(0, REUSE_WEIGHT_MAX) demand: number;
  @IntColumn(0, REUSE_WEIGHT_MAX) initiatives: number;
  @IntColumn(0, REUSE_WEIGHT_MAX) scarcity: number;
}

/** PUT /api/reuse/weights: every weight, at the version read. */
@ApiSchema({ name: 'PutReuseWeightsRequest' })
export class PutReuseWeightsDto {
  @VersionColumn()
  version: number;

  @ApiProperty({ type: () => ReuseWeightsDto })
  @IsObject()
  @ValidateNested()
  @Type(() => ReuseWeightsDto)
  weights: ReuseWeightsDto;
}

/** POST /api/reuse/weights/reset: back to the defaults, at the version read. */
@ApiSchema({ name: 'ResetReuseWeightsRequest' })
export class ResetReuseWeightsDto {
  @VersionColumn()
  version: number;
}

@ApiSchema({ name: 'ReuseWeightsResponse' })
export class ReuseWeightsResponseDto {
  @ApiProperty({ type: () => ReuseWeightsDto })
  weights: ReuseWeightsDto;

  @ApiProperty({ type: () => ReuseWeightsDto, description: 'the defaults (what a reset sets)' })
  defaults: ReuseWeightsDto;

  @ApiVersion({ description: '1 while the tenant uses the defaults it never changed' })
  version: number;

  @ApiDateTime({ nullable: true })
  updatedAt: string | null;
}

const PART_FACTORS = [...REUSE_FACTORS, REUSE_BOUNDS_FACTOR] as const;

@ApiSchema({ name: 'ReuseScorePart' })
export class ReuseScorePartDto {
  @ApiEnum(PART_FACTORS, 'ReuseScoreFactor')
  factor: ReuseFactor | typeof REUSE_BOUNDS_FACTOR;

  @ApiInt(-100, 100, { description: 'what the factor adds (negative: takes away); the parts add up to the score' })
  contribution: number;

  @ApiText(200, { description: 'in words, in the language asked for: "+18 condizioni buone"' })
  explanation: string;
}

@ApiSchema({ name: 'ReuseSocialArea' })
export class ReuseSocialAreaDto {
  @ApiText(100) code: string;
  @ApiText(300) name: string;
}

@ApiSchema({ name: 'ReuseMunicipality' })
export class ReuseMunicipalityDto {
  @ApiText(6) istatCode: string;
  @ApiText(300) name: string;
}

@ApiSchema({ name: 'ReuseLocation' })
export class ReuseLocationDto {
  @ApiProperty({ type: Number }) lat: number;
  @ApiProperty({ type: Number }) lon: number;
}

/** What the ranking shows of a building (the register's detail has the rest). */
@ApiSchema({ name: 'ReuseBuilding' })
export class ReuseBuildingDto {
  @ApiUuid() id: string;
  @ApiVersion() version: number;
  @ApiText(200) name: string;
  @ApiProperty({ type: () => ReuseMunicipalityDto }) municipality: ReuseMunicipalityDto;
  @ApiProperty({ type: () => ReuseSocialAreaDto, nullable: true }) socialArea: ReuseSocialAreaDto | null;
  @ApiProperty({ type: () => ReuseLocationDto, nullable: true }) location: ReuseLocationDto | null;
  @ApiText(40) stage: string;
  @ApiText(40) condition: string;
  @ApiText(40) currentUse: string;
  @ApiText(40) ownership: string;
  @ApiProperty({ type: Number, nullable: true }) indoorAreaM2: number | null;
  @ApiEnumArray(SUITABLE_USES, 'SuitableUse') suitableUses: string[];
}

@ApiSchema({ name: 'ReuseRankedBuilding' })
export class ReuseRankedDto {
  @ApiProperty({ type: () => ReuseBuildingDto }) building: ReuseBuildingDto;
  @ApiInt(0, 100) score: number;
  @ApiProperty({
    type: 'boolean',
    description:
      'true: the building is new since the last recompute, scored on read and not stored yet (the map\'s reuse layer shows it as "not scored yet")',
  })
  provisional: boolean;
  @ApiArray(ReuseScorePartDto, REUSE_FACTORS.length + 1) factors: ReuseScorePartDto[];
}

@ApiSchema({ name: 'ReuseRankingPage' })
export class ReuseRankingPageDto {
  @ApiArray(ReuseRankedDto, 200) items: ReuseRankedDto[];
  @ApiCount() total: number;
  @ApiInt(1, 10_000) page: number;
  @ApiInt(1, 200) pageSize: number;
}

@ApiSchema({ name: 'ReuseOrganization' })
export class ReuseOrganizationDto {
  @ApiUuid() id: string;
  @ApiText(300) name: string;
  @ApiText(40) kind: string;
}

@ApiSchema({ name: 'ReuseMatch' })
export class ReuseMatchDto {
  @ApiProperty({ type: () => ReuseOrganizationDto }) organization: ReuseOrganizationDto;
  @ApiInt(0, 100) fit: number;
  @ApiStringArray({ maxLength: 300 }, 4, { description: 'why, in words' }) reasons: string[];
  @ApiProperty({ type: Number, nullable: true, description: 'km, when both are placed' }) distanceKm: number | null;
}

@ApiSchema({ name: 'ReuseBuildingMatches' })
export class ReuseBuildingMatchesDto {
  @ApiProperty({ type: () => ReuseBuildingDto }) building: ReuseBuildingDto;
  @ApiInt(0, 100) score: number;
  @ApiArray(ReuseScorePartDto, REUSE_FACTORS.length + 1) factors: ReuseScorePartDto[];
  @ApiArray(ReuseMatchDto, REUSE_MATCHES_MAX) items: ReuseMatchDto[];
}

@ApiSchema({ name: 'ReuseFittingBuilding' })
export class ReuseFittingBuildingDto {
  @ApiProperty({ type: () => ReuseBuildingDto }) building: ReuseBuildingDto;
  @ApiInt(0, 100) fit: number;
  @ApiProperty({ type: Number, nullable: true, description: 'its stored reuse-potential score' }) score: number | null;
  @ApiStringArray({ maxLength: 300 }, 4) reasons: string[];
  @ApiProperty({ type: Number, nullable: true }) distanceKm: number | null;
}

@ApiSchema({ name: 'ReuseOrganizationBuildings' })
export class ReuseOrganizationBuildingsDto {
  @ApiProperty({ type: () => ReuseOrganizationDto }) organization: ReuseOrganizationDto;
  @ApiProperty({ description: 'whether the organization says it needs space' }) needsSpace: boolean;
  @ApiArray(ReuseFittingBuildingDto, REUSE_MATCHES_MAX) items: ReuseFittingBuildingDto[];
}

/** POST /api/reuse/plan: the buildings to plan for (computes a proposal, writes nothing). */
@ApiSchema({ name: 'ReusePlanRequest' })
export class ReusePlanDto {
  @ApiStringArray({ maxLength: UUID_LENGTH, minLength: UUID_LENGTH, format: 'uuid' }, REUSE_PLAN_MAX_BUILDINGS, { minItems: 1 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(REUSE_PLAN_MAX_BUILDINGS)
  @IsUUID('all', { each: true })
  buildings: string[];
}

@ApiSchema({ name: 'ReusePlanPair' })
export class ReusePlanPairDto {
  @ApiProperty({ type: () => ReuseBuildingDto }) building: ReuseBuildingDto;
  @ApiProperty({ type: () => ReuseOrganizationDto }) organization: ReuseOrganizationDto;
  @ApiInt(0, 100) fit: number;
  @ApiStringArray({ maxLength: 300 }, 4) reasons: string[];
}

@ApiSchema({ name: 'ReusePlan' })
export class ReusePlanResponseDto {
  @ApiArray(ReusePlanPairDto, REUSE_PLAN_MAX_BUILDINGS) pairs: ReusePlanPairDto[];
  @ApiCount({ description: 'the total fit, the most any plan reaches' }) totalFit: number;
  @ApiStringArray({ maxLength: UUID_LENGTH, format: 'uuid' }, REUSE_PLAN_MAX_BUILDINGS, {
    description: 'buildings left without a candidate',
  })
  unmatched: string[];
}

/** POST /api/reuse/buildings/:id/propose: the match becomes the building's next step (stage `planned`). */
@ApiSchema({ name: 'ReuseProposeRequest' })
export class ReuseProposeDto {
  @ApiUuid({ description: "the candidate organization (one of the building's matches)" })
  @IsUUID('all')
  organization: string;

  @VersionColumn({ description: "the building's version" })
  version: number;
}

@ApiSchema({ name: 'ReuseStatus' })
export class ReuseStatusDto {
  @ApiEnum(['idle', 'running', 'failed'], 'ReuseJobStatus') status: string;
  @ApiProperty({ description: 'the stored scores predate a change of weights or data (a recompute is due or running)' }) stale: boolean;
  @ApiProperty({ type: Number, nullable: true }) done: number | null;
  @ApiProperty({ type: Number, nullable: true }) total: number | null;
  @ApiDateTime({ nullable: true }) startedAt: string | null;
  @ApiDateTime({ nullable: true }) finishedAt: string | null;
  @ApiProperty({ type: Number, nullable: true }) durationMs: number | null;
}
