import { ORGANIZATION_KINDS, type OrganizationKind } from '@trama/contracts';
import { IsIn, IsString, Matches, MaxLength } from 'class-validator';
import { ApiEnum, ApiIstatMunicipality, ApiText } from '../../../common/http/api-schema';
import { PageQuery } from '../../../common/http/pagination';
import { Trim } from '../../../common/http/trim';
import { Optional } from '../../../common/http/fields';

export class ListOrganizationsQuery extends PageQuery {
  @ApiText(100, { required: false, description: 'Part of the name (ignoring case and accents), or a tax code' })
  @Optional()
  @Trim()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiIstatMunicipality({ required: false, description: 'ISTAT code of the municipality' })
  @Optional()
  @IsString()
  @Matches(/^[0-9]{6}$/, { message: 'municipality must be the 6-digit ISTAT code of a municipality' })
  municipality?: string;

  @ApiEnum(ORGANIZATION_KINDS, 'OrganizationKind', { required: false })
  @Optional()
  @IsIn(ORGANIZATION_KINDS)
  kind?: OrganizationKind;
}
