import { IntersectionType } from '@nestjs/swagger';
import { FUNDING_SOURCES, type FundingSource, INITIATIVE_STATUSES, type InitiativeStatus, THEMES, type Theme } from '@trama/contracts';
import { IsIn, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { BboxFilterQuery } from '../../../common/geo/bbox';
import { ApiEnum, ApiIstatMunicipality, ApiText, ApiUuid } from '../../../common/http/api-schema';
import { Optional } from '../../../common/http/fields';
import { PageQuery } from '../../../common/http/pagination';
import { TrimToNull } from '../../../common/http/trim';
import { RegisterExportQuery } from '../../../common/export/register-export-query';
import { ISTAT_MUNICIPALITY } from './create-initiative.dto';

/**
 * The filters of the initiatives register, declared once: the list (+ page), the export (+ format,
 * lang) and the map layer extend it; InitiativesRepository.filtered applies it. The caller's scope
 * always applies on top.
 */
export class InitiativeFiltersQuery {
  @ApiIstatMunicipality({ required: false, description: 'ISTAT code: initiatives with this municipality among theirs' })
  @Optional()
  @IsString()
  @Matches(ISTAT_MUNICIPALITY, { message: 'municipality must be the 6-digit ISTAT code of a municipality' })
  municipality?: string;

  @ApiText(100, { required: false, description: 'social area code: initiatives with a municipality of that area' })
  @Optional()
  @IsString()
  @MaxLength(100)
  socialArea?: string;

  @ApiText(200, { required: false, description: 'free text in title and description (accents and case ignored)' })
  @Optional({ nullable: true })
  @TrimToNull()
  @IsString()
  @MaxLength(200)
  q?: string | null;

  @ApiEnum(INITIATIVE_STATUSES, 'InitiativeStatus', { required: false })
  @Optional()
  @IsIn(INITIATIVE_STATUSES)
  status?: InitiativeStatus;

  @ApiEnum(THEMES, 'Theme', { required: false })
  @Optional()
  @IsIn(THEMES)
  theme?: Theme;

  @ApiEnum(FUNDING_SOURCES, 'FundingSource', { required: false })
  @Optional()
  @IsIn(FUNDING_SOURCES)
  fundingSource?: FundingSource;

  @ApiUuid({ required: false, description: 'an organization id: initiatives it leads or partners' })
  @Optional()
  @IsUUID('all')
  organization?: string;

  @ApiUuid({ required: false, description: 'a building id: initiatives it hosts' })
  @Optional()
  @IsUUID('all')
  building?: string;
}

export class ListInitiativesQuery extends IntersectionType(InitiativeFiltersQuery, BboxFilterQuery, PageQuery) {}

export class ExportInitiativesQuery extends IntersectionType(InitiativeFiltersQuery, BboxFilterQuery, RegisterExportQuery) {}
