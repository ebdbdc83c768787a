import { ApiSchema } from '@nestjs/swagger';
import { IsString, IsUUID, Length, Matches } from 'class-validator';
import { ApiCode, ApiIstatMunicipality, ApiText, ApiUuid } from '../../../common/http/api-schema';
import { Optional, VersionColumn } from '../../../common/http/fields';
import { Trim } from '../../../common/http/trim';
import { ORGANIZATION_NAME_LENGTH } from './create-organization.dto';
import { IsTaxCode, NormalizeTaxCode } from './validators';

/** POST /api/organizations/:id/verify: "verified on site", at the version the user saw. */
@ApiSchema({ name: 'VerifyOrganizationRequest' })
export class VerifyOrganizationDto {
  @VersionColumn()
  version: number;
}

/** POST /api/organizations/:id/merge: the duplicate is merged into this organization (the survivor). */
@ApiSchema({ name: 'MergeOrganizationRequest' })
export class MergeOrganizationDto {
  @ApiUuid({ description: 'the duplicate: its links move to the survivor, then it is marked merged' })
  @IsUUID('all')
  duplicate: string;

  @VersionColumn({ description: "the survivor's version" })
  version: number;

  @VersionColumn({ description: "the duplicate's version" })
  duplicateVersion: number;
}

/** POST /api/organizations/duplicates: what a save of this name, municipality and tax code would meet. */
@ApiSchema({ name: 'OrganizationDuplicatesRequest' })
export class DuplicatesQueryDto {
  @ApiText(ORGANIZATION_NAME_LENGTH, { minLength: 1, description: 'trimmed' })
  @Trim()
  @IsString()
  @Length(1, ORGANIZATION_NAME_LENGTH)
  name: string;

  @ApiIstatMunicipality({ description: 'ISTAT code of the municipality' })
  @IsString()
  @Matches(/^[0-9]{6}$/, { message: 'municipality must be the 6-digit ISTAT code of a municipality' })
  municipality: string;

  @ApiCode('^[A-Za-z0-9 .]*$', 40, { required: false, nullable: true, description: 'as on creation' })
  @Optional({ nullable: true })
  @NormalizeTaxCode()
  @IsString()
  @IsTaxCode()
  taxCode?: string | null;

  @ApiUuid({ required: false, description: 'the organization being edited (left out of the candidates)' })
  @Optional()
  @IsUUID('all')
  exclude?: string;
}
