import { ApiProperty } from '@nestjs/swagger';
import type { UpdateMunicipalityRequest } from '@trama/contracts';
import { IsInt, IsString, Matches, Min } from 'class-validator';
import { SOCIAL_AREA_CODE } from '../territory-files';

/** Moves a municipality to another social area of its tenant (coordinators and admins). */
export class UpdateMunicipalityDto implements UpdateMunicipalityRequest {
  @ApiProperty({ description: 'the version the change is based on (optimistic locking)', minimum: 1 })
  @IsInt()
  @Min(1)
  version: number;

  @ApiProperty({ description: 'code of the social area the municipality moves to', example: 'ATS_BA_CORATO' })
  @IsString()
  @Matches(SOCIAL_AREA_CODE, { message: 'socialArea must be a social area code' })
  socialArea: string;
}
