import { ApiProperty } from '@nestjs/swagger';
import type { TerritoryRef } from '@trama/contracts';
import { IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { Trim } from '../../../common/http/trim';

/** The territory of a municipality user: one municipality (ISTAT code) or one social area (its code). */
export class TerritoryRefDto implements TerritoryRef {
  @ApiProperty({ enum: ['municipality', 'social_area'] })
  @IsIn(['municipality', 'social_area'])
  kind: 'municipality' | 'social_area';

  @ApiProperty({ description: 'ISTAT code of the municipality (6 digits) or code of the social area', example: '072029' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  code: string;
}
