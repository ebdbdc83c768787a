import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { UpdateUserRequest } from '@trama/contracts';
import { Type } from 'class-transformer';
import { IsBoolean, IsInt, IsNotEmpty, IsOptional, IsString, MaxLength, Min, ValidateNested } from 'class-validator';
import { IsDateOnly } from '../../../common/http/date-only';
import { Trim } from '../../../common/http/trim';
import { TerritoryRefDto } from './territory-ref.dto';

export class UpdateUserDto implements UpdateUserRequest {
  @ApiProperty({ minimum: 1, description: 'The version the client loaded (optimistic locking: a stale version is a 409)' })
  @IsInt()
  @Min(1)
  version: number;

  @ApiPropertyOptional()
  @IsOptional()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  fullName?: string;

  @ApiPropertyOptional({ description: 'false deactivates the account and ends its sessions at once' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({ format: 'date', nullable: true })
  @IsOptional()
  @IsDateOnly()
  hiredOn?: string | null;

  @ApiPropertyOptional({ format: 'date', nullable: true })
  @IsOptional()
  @IsDateOnly()
  contractEnd?: string | null;

  @ApiPropertyOptional({ type: TerritoryRefDto, description: 'Municipality users only' })
  @IsOptional()
  @ValidateNested()
  @Type(() => TerritoryRefDto)
  territory?: TerritoryRefDto;
}
