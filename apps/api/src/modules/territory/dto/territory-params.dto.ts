import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { SOCIAL_AREA_CODE } from '../territory-files';

export class MunicipalityParams {
  @ApiProperty({ description: '6-digit ISTAT code', example: '072006' })
  @Matches(/^\d{6}$/, { message: 'istatCode must be the 6-digit ISTAT code of a municipality' })
  istatCode: string;
}

export class SocialAreaParams {
  @ApiProperty({ example: 'ATS_BA_MOLFETTA' })
  @Matches(SOCIAL_AREA_CODE, { message: 'code must be a social area code (letters, digits, "_" or "-")' })
  code: string;
}
