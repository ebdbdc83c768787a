import { BboxFilterQuery } from '../../../common/geo/bbox';
import { ApiProperty, IntersectionType } from '@nestjs/swagger';
import {
  ORGANIZATION_KINDS,
  type OrganizationKind,
  RESOURCES,
  type Resource,
  STALE_DEFAULT_MONTHS,
  STALE_MAX_MONTHS,
  TARGET_GROUPS,
  type TargetGroup,
  THEMES,
  type Theme,
} from '@trama/contracts';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsString, Matches, MaxLength } from 'class-validator';
import { ApiEnum, ApiIstatMunicipality, ApiText } from '../../../common/http/api-schema';
import { RegisterExportQuery } from '../../../common/export/register-export-query';
import { Optional, QueryInt } from '../../../common/http/fields';
import { PageQuery } from '../../../common/http/pagination';
import { Trim } from '../../../common/http/trim';

/** Query-string booleans: `true`/`false` become booleans; anything else is left for @IsBoolean to reject. */
const QueryBoolean = () => Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value));

/**
 * The organizations register's filters, declared once (docs/organizations.md): the list adds the
 * page, the export the format and language, the map layer its bbox and zoom. The caller's scope
 * always applies on top of them; merged duplicates are never listed.
 */
export class OrganizationFiltersQuery {
  @ApiIstatMunicipality({ required: false, description: 'ISTAT code of the municipality' })
  @Optional()
  @IsString()
  @Matches(/^[0-9]{6}$/, { message: 'municipality must be the 6-digit ISTAT code of a municipality' })
  municipality?: string;

  @ApiText(100, { required: false, description: 'social area code' })
  @Optional()
  @IsString()
  @MaxLength(100)
  socialArea?: string;

  @ApiText(100, { required: false, description: 'Part of the name (ignoring case and accents), or a tax code' })
  @Optional()
  @Trim()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiEnum(ORGANIZATION_KINDS, 'OrganizationKind', { required: false })
  @Optional()
  @IsIn(ORGANIZATION_KINDS)
  kind?: OrganizationKind;

  @ApiEnum(THEMES, 'Theme', { required: false })
  @Optional()
  @IsIn(THEMES)
  theme?: Theme;

  @ApiEnum(RESOURCES, 'Resource', { required: false, description: 'organizations that offer this' })
  @Optional()
  @IsIn(RESOURCES)
  offer?: Resource;

  @ApiEnum(RESOURCES, 'Resource', { required: false, description: 'organizations that need this' })
  @Optional()
  @IsIn(RESOURCES)
  need?: Resource;

  @ApiEnum(TARGET_GROUPS, 'TargetGroup', { required: false })
  @Optional()
  @IsIn(TARGET_GROUPS)
  targetGroup?: TargetGroup;

  @ApiProperty({ type: Boolean, required: false, description: 'active (true) or inactive (false) only' })
  @Optional()
  @QueryBoolean()
  @IsBoolean()
  active?: boolean;

  @ApiProperty({ type: Boolean, required: false, description: 'with a point (true) or not placed (false) only' })
  @Optional()
  @QueryBoolean()
  @IsBoolean()
  placed?: boolean;
}

export class ListOrganizationsQuery extends IntersectionType(OrganizationFiltersQuery, BboxFilterQuery, PageQuery) {}

export class ExportOrganizationsQuery extends IntersectionType(OrganizationFiltersQuery, BboxFilterQuery, RegisterExportQuery) {}

export class StaleOrganizationsQuery extends PageQuery {
  @QueryInt(1, STALE_MAX_MONTHS, {
    required: false,
    default: STALE_DEFAULT_MONTHS,
    description: 'not verified on site for this many months (or never)',
  })
  @Optional()
  months: number = STALE_DEFAULT_MONTHS;
}
