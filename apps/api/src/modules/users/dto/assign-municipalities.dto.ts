import { ApiSchema } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, Matches } from 'class-validator';
import { ApiStringArray, ISTAT_MUNICIPALITY_PATTERN } from '../../../common/http/api-schema';
import { MAX_ASSIGNED_MUNICIPALITIES } from './create-user.dto';
import { VersionColumn } from '../../../common/http/fields';

@ApiSchema({ name: 'AssignMunicipalitiesRequest' })
export class AssignMunicipalitiesDto {
  @VersionColumn()
  version: number;

  @ApiStringArray({ pattern: ISTAT_MUNICIPALITY_PATTERN, maxLength: 6 }, MAX_ASSIGNED_MUNICIPALITIES, {
    uniqueItems: true,
    description: 'ISTAT codes: the complete new set (replaces the current one)',
    example: ['072006', '072029'],
  })
  @IsArray()
  @ArrayMaxSize(MAX_ASSIGNED_MUNICIPALITIES)
  @ArrayUnique()
  @Matches(/^[0-9]{6}$/, { each: true, message: 'each value in municipalities must be a 6-digit ISTAT code' })
  municipalities: string[];
}
