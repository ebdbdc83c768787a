import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { type CreateUserRequest, MIN_PASSWORD_LENGTH, ROLES, type Role } from '@trama/contracts';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsEmail,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { IsDateOnly } from '../../../common/http/date-only';
import { Trim } from '../../../common/http/trim';
import { TerritoryRefDto } from './territory-ref.dto';
import { NormalizeEmail } from './validators';

export const MAX_PASSWORD_LENGTH = 256;
export const MAX_ASSIGNED_MUNICIPALITIES = 500;

export class CreateUserDto implements CreateUserRequest {
  @ApiProperty({ format: 'email', example: 'maria.rossi@cittametropolitana.ba.it' })
  @NormalizeEmail()
  @IsString()
  @IsEmail({}, { message: 'email must be a valid email address' })
  @MaxLength(254)
  email: string;

  @ApiProperty({ example: 'Maria Rossi' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  fullName: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role: Role;

  @ApiPropertyOptional({
    description: 'Admins only: ISTAT code of the metropolitan city (e.g. 272). Coordinators always create in their own tenant.',
    pattern: '^[0-9]{3}$',
  })
  @IsOptional()
  @IsString()
  @Matches(/^[0-9]{3}$/, { message: 'tenant must be the 3-digit ISTAT code of a metropolitan city' })
  tenant?: string;

  @ApiPropertyOptional({
    minLength: MIN_PASSWORD_LENGTH,
    maxLength: MAX_PASSWORD_LENGTH,
    description: 'When absent a temporary password is generated and returned once',
  })
  @IsOptional()
  @IsString()
  @MinLength(MIN_PASSWORD_LENGTH)
  @MaxLength(MAX_PASSWORD_LENGTH)
  password?: string;

  @ApiPropertyOptional({ format: 'date', nullable: true, description: 'Innovators: hiring date' })
  @IsOptional()
  @IsDateOnly()
  hiredOn?: string | null;

  @ApiPropertyOptional({ format: 'date', nullable: true, description: 'Innovators: contract end (not before hiredOn)' })
  @IsOptional()
  @IsDateOnly()
  contractEnd?: string | null;

  @ApiPropertyOptional({
    type: [String],
    description: 'Innovators: ISTAT codes of the assigned municipalities',
    example: ['072029', '072022'],
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_ASSIGNED_MUNICIPALITIES)
  @ArrayUnique()
  @Matches(/^[0-9]{6}$/, { each: true, message: 'each value in municipalities must be a 6-digit ISTAT code' })
  municipalities?: string[];

  @ApiPropertyOptional({ type: TerritoryRefDto, description: 'Municipality users: their territory (required for them)' })
  @IsOptional()
  @ValidateNested()
  @Type(() => TerritoryRefDto)
  territory?: TerritoryRefDto;
}
