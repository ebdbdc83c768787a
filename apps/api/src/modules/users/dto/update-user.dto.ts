import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsNotEmpty, IsString, MaxLength, ValidateNested } from 'class-validator';
import { ApiDate, ApiText } from '../../../common/http/api-schema';
import { IsDateOnly } from '../../../common/http/date-only';
import { Trim } from '../../../common/http/trim';
import { TerritoryRefDto } from './territory-ref.dto';
import { Optional, VersionColumn } from '../../../common/http/fields';

@ApiSchema({ name: 'UpdateUserRequest' })
export class UpdateUserDto {
  @VersionColumn()
  version: number;

  @ApiText(200, { required: false, minLength: 1, description: 'trimmed' })
  @Optional()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  fullName?: string;

  @ApiProperty({ required: false, description: 'false deactivates the account and ends its sessions at once' })
  @Optional()
  @IsBoolean()
  active?: boolean;

  @ApiDate({ required: false, nullable: true })
  @Optional({ nullable: true })
  @IsDateOnly()
  hiredOn?: string | null;

  @ApiDate({ required: false, nullable: true, description: 'not before hiredOn' })
  @Optional({ nullable: true })
  @IsDateOnly()
  contractEnd?: string | null;

  @ApiProperty({ type: () => TerritoryRefDto, required: false, description: 'Municipality users only' })
  @Optional()
  @ValidateNested()
  @Type(() => TerritoryRefDto)
  territory?: TerritoryRefDto;
}
