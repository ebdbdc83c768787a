import { IntersectionType } from '@nestjs/swagger';
import {
  BUILDING_CONDITIONS,
  BUILDING_CURRENT_USES,
  BUILDING_OWNERSHIPS,
  type BuildingCondition,
  type BuildingCurrentUse,
  type BuildingOwnership,
  EXPIRING_DEFAULT_MONTHS,
  EXPIRING_MAX_MONTHS,
  MAX_PAGE,
  REUSE_STAGES,
  type ReuseStage,
  STALE_DEFAULT_MONTHS,
  STALE_MAX_MONTHS,
  SUITABLE_USES,
  type SuitableUse,
} from '@trama/contracts';
import { IsIn, IsString, Matches, MaxLength } from 'class-validator';
import { RegisterExportQuery } from '../../../common/export/register-export-query';
import { BboxFilterQuery, parseBbox } from '../../../common/geo/bbox';
import { MAX_EXPIRING } from './building.response';
import type { BuildingFilters } from '../buildings.repository';
import { ApiEnum, ApiIstatMunicipality, ApiText } from '../../../common/http/api-schema';
import { Optional, QueryInt } from '../../../common/http/fields';
import { PageQuery } from '../../../common/http/pagination';
import { TrimToNull } from '../../../common/http/trim';
import { ISTAT_MESSAGE, ISTAT_MUNICIPALITY } from './create-building.dto';

const YES_NO = ['yes', 'no'] as const;

/**
 * The filters of the buildings register, declared once: the list, the export and the map layer
 * (`BuildingsRepository.filtered`) take exactly these; the caller's scope always applies on top.
 */
export class BuildingFiltersQuery {
  @ApiIstatMunicipality({ required: false, description: 'ISTAT code of the municipality' })
  @Optional()
  @IsString()
  @Matches(ISTAT_MUNICIPALITY, { message: ISTAT_MESSAGE })
  municipality?: string;

  @ApiText(100, { required: false, description: 'social area code' })
  @Optional()
  @IsString()
  @MaxLength(100)
  socialArea?: string;

  @ApiText(200, { required: false, nullable: true, description: 'part of the name or address (ignoring case and accents)' })
  @Optional({ nullable: true })
  @TrimToNull()
  @IsString()
  @MaxLength(200)
  q?: string | null;

  @ApiEnum(REUSE_STAGES, 'ReuseStage', { required: false })
  @Optional()
  @IsIn(REUSE_STAGES)
  stage?: ReuseStage;

  @ApiEnum(BUILDING_OWNERSHIPS, 'BuildingOwnership', { required: false })
  @Optional()
  @IsIn(BUILDING_OWNERSHIPS)
  ownership?: BuildingOwnership;

  @ApiEnum(BUILDING_CONDITIONS, 'BuildingCondition', { required: false })
  @Optional()
  @IsIn(BUILDING_CONDITIONS)
  condition?: BuildingCondition;

  @ApiEnum(BUILDING_CURRENT_USES, 'BuildingCurrentUse', { required: false })
  @Optional()
  @IsIn(BUILDING_CURRENT_USES)
  currentUse?: BuildingCurrentUse;

  @ApiEnum(SUITABLE_USES, 'SuitableUse', { required: false })
  @Optional()
  @IsIn(SUITABLE_USES)
  suitableUse?: SuitableUse;

  @ApiEnum(YES_NO, 'YesNo', { required: false, description: 'yes: with a point on the map; no: not placed' })
  @Optional()
  @IsIn(YES_NO)
  placed?: 'yes' | 'no';

  @ApiEnum(YES_NO, 'YesNo', { required: false, description: 'yes: confiscated assets only; no: the others' })
  @Optional()
  @IsIn(YES_NO)
  confiscated?: 'yes' | 'no';
}

export class ListBuildingsQuery extends IntersectionType(BuildingFiltersQuery, BboxFilterQuery, PageQuery) {}

export class ExportBuildingsQuery extends IntersectionType(BuildingFiltersQuery, BboxFilterQuery, RegisterExportQuery) {}

/** The filters of a query as the repository takes them (`BuildingsRepository.filtered`), with the bbox when there is one (the map's). */
export function buildingFiltersOf(query: BuildingFiltersQuery & { bbox?: string }): BuildingFilters {
  const bbox = query.bbox === undefined ? null : parseBbox(query.bbox);
  return {
    municipality: query.municipality,
    socialArea: query.socialArea,
    q: query.q ?? undefined,
    stage: query.stage,
    ownership: query.ownership,
    condition: query.condition,
    currentUse: query.currentUse,
    suitableUse: query.suitableUse,
    placed: query.placed,
    confiscated: query.confiscated,
    ...(bbox ? { bbox } : {}),
  };
}

export class ExpiringBuildingsQuery {
  @QueryInt(1, EXPIRING_MAX_MONTHS, {
    required: false,
    default: EXPIRING_DEFAULT_MONTHS,
    description: 'assignments ending within this many months (and those already ended)',
  })
  @Optional()
  months: number = EXPIRING_DEFAULT_MONTHS;

  @QueryInt(1, MAX_PAGE, { required: false, default: 1 })
  @Optional()
  page = 1;

  @QueryInt(1, MAX_EXPIRING, {
    required: false,
    default: MAX_EXPIRING,
    description: `at most ${MAX_EXPIRING}, the default (one page of everything, as before paging): the list page asks for 50`,
  })
  @Optional()
  pageSize = MAX_EXPIRING;
}

export class StaleBuildingsQuery extends PageQuery {
  @QueryInt(1, STALE_MAX_MONTHS, {
    required: false,
    default: STALE_DEFAULT_MONTHS,
    description: 'not verified on site for this many months',
  })
  @Optional()
  months: number = STALE_DEFAULT_MONTHS;
}
