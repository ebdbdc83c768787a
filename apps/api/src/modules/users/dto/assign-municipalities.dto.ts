import { ApiProperty } from '@nestjs/swagger';
import type { AssignMunicipalitiesRequest } from '@trama/contracts';
import { ArrayMaxSize, ArrayUnique, IsArray, IsInt, Matches, Min } from 'class-validator';
import { MAX_ASSIGNED_MUNICIPALITIES } from './create-user.dto';

export class AssignMunicipalitiesDto implements AssignMunicipalitiesRequest {
  @ApiProperty({ minimum: 1 })
  @IsInt()
  @Min(1)
  version: number;

  @ApiProperty({
    type: [String],
    description: 'ISTAT codes: the complete new set (replaces the current one)',
    example: ['072006', '072029'],
  })
  @IsArray()
  @ArrayMaxSize(MAX_ASSIGNED_MUNICIPALITIES)
  @ArrayUnique()
  @Matches(/^[0-9]{6}$/, { each: true, message: 'each value in municipalities must be a 6-digit ISTAT code' })
  municipalities: string[];
}
