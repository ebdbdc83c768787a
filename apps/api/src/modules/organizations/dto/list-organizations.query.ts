import { ApiPropertyOptional } from '@nestjs/swagger';
import { ORGANIZATION_KINDS, type OrganizationKind } from '@trama/contracts';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { PageQuery } from '../../../common/http/pagination';
import { Trim } from '../../../common/http/trim';

export class ListOrganizationsQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Part of the name (ignoring case and accents), or a tax code' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ description: 'ISTAT code of the municipality', pattern: '^[0-9]{6}$' })
  @IsOptional()
  @IsString()
  @Matches(/^[0-9]{6}$/, { message: 'municipality must be the 6-digit ISTAT code of a municipality' })
  municipality?: string;

  @ApiPropertyOptional({ enum: ORGANIZATION_KINDS })
  @IsOptional()
  @IsIn(ORGANIZATION_KINDS)
  kind?: OrganizationKind;
}
