import { IntersectionType } from '@nestjs/swagger';
import {
  ACTIVITY_SORTS,
  ACTIVITY_STATUSES,
  ACTIVITY_TYPES,
  type ActivitySort,
  type ActivityStatus,
  type ActivityType,
  THEMES,
  type Theme,
} from '@trama/contracts';
import { IsIn, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { ApiDate, ApiEnum, ApiIstatMunicipality, ApiText, ApiUuid } from '../../../common/http/api-schema';
import { PageQuery } from '../../../common/http/pagination';
import { ISTAT_MESSAGE, ISTAT_MUNICIPALITY } from './create-activity.dto';
import { TrimToNull } from '../../../common/http/trim';
import { IsActivityDate, NotBefore, OnlyWith } from './validators';
import { Optional } from '../../../common/http/fields';
import { ExportQuery } from '../../../common/export/export-query';
import { BboxFilterQuery, parseBbox } from '../../../common/geo/bbox';
import type { ActivityFilters } from '../activities.repository';

/**
 * The activities' filters, ONE class shared by the list, the export and the map layer
 * (`GET /api/map/layers/activities`), applied by one function (`ActivitiesRepository.filtered`):
 * what the map counts is what the list lists. The caller's scope always applies on top of them.
 */
export class ActivityFiltersQuery {
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

  @ApiUuid({ required: false, description: "the author's user id" })
  @Optional()
  @IsUUID('all')
  innovator?: string;

  @ApiEnum(ACTIVITY_TYPES, 'ActivityType', { required: false })
  @Optional()
  @IsIn(ACTIVITY_TYPES)
  type?: ActivityType;

  @ApiEnum(ACTIVITY_STATUSES, 'ActivityStatus', { required: false })
  @Optional()
  @IsIn(ACTIVITY_STATUSES)
  status?: ActivityStatus;

  @ApiEnum(THEMES, 'Theme', { required: false })
  @Optional()
  @IsIn(THEMES)
  theme?: Theme;

  @ApiUuid({ required: false, description: 'an organization id: activities involving it' })
  @Optional()
  @IsUUID('all')
  organization?: string;

  @ApiDate({ required: false, description: 'from this date (inclusive)' })
  @Optional()
  @IsActivityDate()
  from?: string;

  @ApiDate({ required: false, description: 'up to this date (inclusive), not before `from`' })
  @Optional()
  @IsActivityDate()
  @NotBefore('from')
  to?: string;

  @ApiText(200, {
    required: false,
    description: 'free text in title, description, outcomes and follow-ups (Italian stemming, accents ignored)',
  })
  @Optional({ nullable: true })
  @TrimToNull()
  @IsString()
  @MaxLength(200)
  q?: string;
}

/** The list's and the export's order (the map has none). */
export class ActivitySortQuery {
  // `sort=submitted` needs `status=submitted`: OnlyWith reads the `status` filter beside it in the same query
  @ApiEnum(ACTIVITY_SORTS, 'ActivitySort', {
    required: false,
    default: '-date',
    description: '-date: newest first; date: oldest first; submitted (with status=submitted): the review queue, oldest submission first',
  })
  @Optional()
  @IsIn(ACTIVITY_SORTS)
  @OnlyWith('submitted', 'status', 'submitted')
  sort?: ActivitySort;
}

export class ListActivitiesQuery extends IntersectionType(ActivityFiltersQuery, BboxFilterQuery, ActivitySortQuery, PageQuery) {}

export class ExportActivitiesQuery extends IntersectionType(ActivityFiltersQuery, BboxFilterQuery, ActivitySortQuery, ExportQuery) {}

/** The filters of a query as the repository takes them (`ActivitiesRepository.filtered`), with the bbox when there is one. */
export function activityFiltersOf(query: ActivityFiltersQuery & { bbox?: string }): ActivityFilters {
  const bbox = query.bbox === undefined ? null : parseBbox(query.bbox);
  return {
    municipality: query.municipality,
    socialArea: query.socialArea,
    innovator: query.innovator,
    type: query.type,
    status: query.status,
    theme: query.theme,
    organization: query.organization,
    from: query.from,
    to: query.to,
    q: query.q ?? undefined,
    ...(bbox ? { bbox } : {}),
  };
}
