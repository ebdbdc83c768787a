import { ApiSchema } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';
import { ApiSocialAreaCode } from '../../../common/http/api-schema';
import { SOCIAL_AREA_CODE } from '../territory-files';
import { VersionColumn } from '../../../common/http/fields';

/** Moves a municipality to another social area of its tenant (coordinators and admins). */
@ApiSchema({ name: 'UpdateMunicipalityRequest' })
export class UpdateMunicipalityDto {
  @VersionColumn()
  version: number;

  @ApiSocialAreaCode({ description: 'code of the social area the municipality moves to', example: 'ATS_BA_CORATO' })
  @IsString()
  @Matches(SOCIAL_AREA_CODE, { message: 'socialArea must be a social area code' })
  socialArea: string;
}
