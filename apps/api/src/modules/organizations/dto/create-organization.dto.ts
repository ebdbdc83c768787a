import { ApiSchema } from '@nestjs/swagger';
import { ORGANIZATION_KINDS, type OrganizationKind } from '@trama/contracts';
import { IsIn, IsString, Length, Matches } from 'class-validator';
import { ApiCode, ApiEnum, ApiIstatMunicipality, ApiText } from '../../../common/http/api-schema';
import { Trim } from '../../../common/http/trim';
import { IsTaxCode, NormalizeTaxCode } from './validators';
import { Optional } from '../../../common/http/fields';

export const ORGANIZATION_NAME_LENGTH = 300;
/** A normalised tax code: 11 digits (partita IVA, or codice fiscale of a body) or 16 characters (codice fiscale of a person). */
export const TAX_CODE_PATTERN = '^([0-9]{11}|[A-Z]{6}[0-9LMNP-V]{2}[A-EHLMPR-T][0-9LMNP-V]{2}[A-Z][0-9LMNP-V]{3}[A-Z])$';

@ApiSchema({ name: 'CreateOrganizationRequest' })
export class CreateOrganizationDto {
  @ApiText(ORGANIZATION_NAME_LENGTH, { minLength: 1, description: 'trimmed', example: 'APS Orti Urbani Bari' })
  @Trim()
  @IsString()
  @Length(1, ORGANIZATION_NAME_LENGTH)
  name: string;

  @ApiEnum(ORGANIZATION_KINDS, 'OrganizationKind')
  @IsIn(ORGANIZATION_KINDS)
  kind: OrganizationKind;

  @ApiIstatMunicipality({ description: 'ISTAT code of the municipality' })
  @IsString()
  @Matches(/^[0-9]{6}$/, { message: 'municipality must be the 6-digit ISTAT code of a municipality' })
  municipality: string;

  @ApiCode('^[A-Za-z0-9 .]*$', 40, {
    required: false,
    nullable: true,
    description:
      'codice fiscale (11 digits, or 16 characters) or partita IVA, checksum-verified; spaces, case and an IT prefix are normalised; unique in the tenant',
  })
  @Optional({ nullable: true })
  @NormalizeTaxCode()
  @IsString()
  @IsTaxCode()
  taxCode?: string | null;
}
