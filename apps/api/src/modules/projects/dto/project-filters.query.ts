import { IntersectionType } from '@nestjs/swagger';
import { PROJECT_PROGRAMMES, PROJECT_STATUSES, type ProjectProgramme, type ProjectStatus } from '@trama/contracts';
import { IsIn, IsString, Matches, MaxLength } from 'class-validator';
import { ExportQuery } from '../../../common/export/export-query';
import { ApiEnum, ApiIstatMunicipality, ApiText } from '../../../common/http/api-schema';
import { Optional } from '../../../common/http/fields';
import { PageQuery } from '../../../common/http/pagination';
import { TrimToNull } from '../../../common/http/trim';
import { ISTAT_MUNICIPALITY } from '../../initiatives/dto/create-initiative.dto';

/** The filters of the projects register (list, export); the caller's scope always applies on top. */
export class ProjectFiltersQuery {
  @ApiText(200, { required: false, description: 'free text in code, title and CUP (accents and case ignored)' })
  @Optional({ nullable: true })
  @TrimToNull()
  @IsString()
  @MaxLength(200)
  q?: string | null;

  @ApiEnum(PROJECT_STATUSES, 'ProjectStatus', { required: false })
  @Optional()
  @IsIn(PROJECT_STATUSES)
  status?: ProjectStatus;

  @ApiEnum(PROJECT_PROGRAMMES, 'ProjectProgramme', { required: false })
  @Optional()
  @IsIn(PROJECT_PROGRAMMES)
  programme?: ProjectProgramme;

  @ApiIstatMunicipality({ required: false, description: 'ISTAT code: projects with this municipality among theirs' })
  @Optional()
  @IsString()
  @Matches(ISTAT_MUNICIPALITY, { message: 'municipality must be the 6-digit ISTAT code of a municipality' })
  municipality?: string;
}

export class ListProjectsQuery extends IntersectionType(ProjectFiltersQuery, PageQuery) {}

export class ExportProjectsQuery extends IntersectionType(ProjectFiltersQuery, ExportQuery) {}
