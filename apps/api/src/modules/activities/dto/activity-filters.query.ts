import { ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import {
  ACTIVITY_SORTS,
  ACTIVITY_STATUSES,
  ACTIVITY_TYPES,
  type ActivityExportQuery,
  type ActivityFilters,
  type ActivitySort,
  type ActivityStatus,
  type ActivityType,
  EXPORT_FORMATS,
  type ExportFormat,
  THEMES,
  type Theme,
} from '@trama/contracts';
import { IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { PageQuery } from '../../../common/http/pagination';
import { ISTAT_MESSAGE, ISTAT_MUNICIPALITY } from './create-activity.dto';
import { TrimToNull } from '../../../common/http/trim';
import { IsActivityDate, NotBefore, OnlyWith } from './validators';

/** The filters shared by the list and the export; the caller's scope always applies on top of them. */
export class ActivityFiltersQuery implements ActivityFilters {
  @ApiPropertyOptional({ description: 'ISTAT code', pattern: '^[0-9]{6}$' })
  @IsOptional()
  @IsString()
  @Matches(ISTAT_MUNICIPALITY, { message: ISTAT_MESSAGE })
  municipality?: string;

  @ApiPropertyOptional({ description: 'social area code' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  socialArea?: string;

  @ApiPropertyOptional({ format: 'uuid', description: "the author's user id" })
  @IsOptional()
  @IsUUID('all')
  innovator?: string;

  @ApiPropertyOptional({ enum: ACTIVITY_TYPES })
  @IsOptional()
  @IsIn(ACTIVITY_TYPES)
  type?: ActivityType;

  @ApiPropertyOptional({ enum: ACTIVITY_STATUSES })
  @IsOptional()
  @IsIn(ACTIVITY_STATUSES)
  status?: ActivityStatus;

  @ApiPropertyOptional({ enum: THEMES })
  @IsOptional()
  @IsIn(THEMES)
  theme?: Theme;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all')
  organization?: string;

  @ApiPropertyOptional({ format: 'date', description: 'from this date (inclusive)' })
  @IsOptional()
  @IsActivityDate()
  from?: string;

  @ApiPropertyOptional({ format: 'date', description: 'up to this date (inclusive)' })
  @IsOptional()
  @IsActivityDate()
  @NotBefore('from')
  to?: string;

  @ApiPropertyOptional({ description: 'free text in title, description, outcomes and follow-ups (Italian stemming, accents ignored)' })
  @IsOptional()
  @TrimToNull()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({
    enum: ACTIVITY_SORTS,
    default: '-date',
    description: '-date: newest first; date: oldest first; submitted (with status=submitted): the review queue, oldest submission first',
  })
  @IsOptional()
  @IsIn(ACTIVITY_SORTS)
  @OnlyWith('submitted', 'status', 'submitted')
  sort?: ActivitySort;
}

export class ListActivitiesQuery extends IntersectionType(ActivityFiltersQuery, PageQuery) {}

export class ExportActivitiesQuery extends ActivityFiltersQuery implements ActivityExportQuery {
  @ApiPropertyOptional({
    enum: EXPORT_FORMATS,
    default: 'csv',
    description: 'csv: RFC 4180, UTF-8; csv-it: Excel in Italian (; separator, BOM, decimal comma, dd/mm/yyyy); xlsx',
  })
  @IsOptional()
  @IsIn(EXPORT_FORMATS)
  format: ExportFormat = 'csv';
}
