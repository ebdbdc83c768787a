import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { ApiDate, ApiText, ApiVersion, INT32_MAX } from '../../../common/http/api-schema';
import { IsDateOnly } from '../../../common/http/date-only';
import { Trim } from '../../../common/http/trim';
import { TerritoryRefDto } from './territory-ref.dto';

@ApiSchema({ name: 'UpdateUserRequest' })
export class UpdateUserDto {
  @ApiVersion()
  @IsInt()
  @Min(1)
  @Max(INT32_MAX)
  version: number;

  @ApiText(200, { required: false, minLength: 1, description: 'trimmed' })
  @IsOptional()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  fullName?: string;

  @ApiProperty({ required: false, description: 'false deactivates the account and ends its sessions at once' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @ApiDate({ required: false, nullable: true })
  @IsOptional()
  @IsDateOnly()
  hiredOn?: string | null;

  @ApiDate({ required: false, nullable: true, description: 'not before hiredOn' })
  @IsOptional()
  @IsDateOnly()
  contractEnd?: string | null;

  @ApiProperty({ type: () => TerritoryRefDto, required: false, description: 'Municipality users only' })
  @IsOptional()
  @ValidateNested()
  @Type(() => TerritoryRefDto)
  territory?: TerritoryRefDto;
}
