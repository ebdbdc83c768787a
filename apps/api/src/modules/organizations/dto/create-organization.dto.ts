import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { type CreateOrganizationRequest, ORGANIZATION_KINDS, type OrganizationKind } from '@trama/contracts';
import { IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { Trim } from '../../../common/http/trim';
import { IsTaxCode, NormalizeTaxCode } from './validators';

export class CreateOrganizationDto implements CreateOrganizationRequest {
  @ApiProperty({ minLength: 1, maxLength: 300, example: 'APS Orti Urbani Bari' })
  @Trim()
  @IsString()
  @Length(1, 300)
  name: string;

  @ApiProperty({ enum: ORGANIZATION_KINDS })
  @IsIn(ORGANIZATION_KINDS)
  kind: OrganizationKind;

  @ApiProperty({ description: 'ISTAT code of the municipality', pattern: '^[0-9]{6}$', example: '072006' })
  @IsString()
  @Matches(/^[0-9]{6}$/, { message: 'municipality must be the 6-digit ISTAT code of a municipality' })
  municipality: string;

  @ApiPropertyOptional({ nullable: true, description: 'codice fiscale (11 digits, or 16 characters) or partita IVA; unique in the tenant' })
  @IsOptional()
  @NormalizeTaxCode()
  @IsString()
  @IsTaxCode()
  taxCode?: string | null;
}
