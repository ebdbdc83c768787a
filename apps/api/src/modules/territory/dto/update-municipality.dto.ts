import { ApiSchema } from '@nestjs/swagger';
import { IsInt, IsString, Matches, Max, Min } from 'class-validator';
import { ApiSocialAreaCode, ApiVersion, INT32_MAX } from '../../../common/http/api-schema';
import { SOCIAL_AREA_CODE } from '../territory-files';

/** Moves a municipality to another social area of its tenant (coordinators and admins). */
@ApiSchema({ name: 'UpdateMunicipalityRequest' })
export class UpdateMunicipalityDto {
  @ApiVersion()
  @IsInt()
  @Min(1)
  @Max(INT32_MAX)
  version: number;

  @ApiSocialAreaCode({ description: 'code of the social area the municipality moves to', example: 'ATS_BA_CORATO' })
  @IsString()
  @Matches(SOCIAL_AREA_CODE, { message: 'socialArea must be a social area code' })
  socialArea: string;
}
