import { ApiIstatMunicipality, ApiSocialAreaCode } from '../../../common/http/api-schema';
import { Matches } from 'class-validator';
import { SOCIAL_AREA_CODE } from '../territory-files';

export class MunicipalityParams {
  @ApiIstatMunicipality({ description: '6-digit ISTAT code' })
  @Matches(/^\d{6}$/, { message: 'istatCode must be the 6-digit ISTAT code of a municipality' })
  istatCode: string;
}

export class SocialAreaParams {
  @ApiSocialAreaCode()
  @Matches(SOCIAL_AREA_CODE, { message: 'code must be a social area code (letters, digits, "_" or "-")' })
  code: string;
}
