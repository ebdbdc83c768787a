import { ApiSchema } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { ApiEnum, ApiText } from '../../../common/http/api-schema';
import { Trim } from '../../../common/http/trim';

/** The territory of a municipality user: one municipality (ISTAT code) or one social area (its code). */
@ApiSchema({ name: 'TerritoryRefInput' })
export class TerritoryRefDto {
  @ApiEnum(['municipality', 'social_area'], 'TerritoryKind')
  @IsIn(['municipality', 'social_area'])
  kind: 'municipality' | 'social_area';

  @ApiText(64, {
    minLength: 1,
    description: 'ISTAT code of the municipality (6 digits) or code of the social area (trimmed)',
    example: '072029',
  })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  code: string;
}
