import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { MIN_PASSWORD_LENGTH, ROLES, type Role } from '@trama/contracts';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsEmail,
  IsIn,
  IsNotEmpty,
  IsString,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import {
  ApiDate,
  ApiEnum,
  ApiIstatTenant,
  ApiStringArray,
  ApiText,
  EMAIL_LENGTH,
  ISTAT_MUNICIPALITY_PATTERN,
} from '../../../common/http/api-schema';
import { IsDateOnly } from '../../../common/http/date-only';
import { Trim } from '../../../common/http/trim';
import { TerritoryRefDto } from './territory-ref.dto';
import { NormalizeEmail } from './validators';
import { Optional } from '../../../common/http/fields';

export const MAX_PASSWORD_LENGTH = 256;
export const MAX_ASSIGNED_MUNICIPALITIES = 500;

@ApiSchema({ name: 'CreateUserRequest' })
export class CreateUserDto {
  @ApiText(EMAIL_LENGTH, {
    format: 'email',
    description: 'trimmed and lower-cased; unique',
    example: 'maria.rossi@cittametropolitana.ba.it',
  })
  @NormalizeEmail()
  @IsString()
  @IsEmail({}, { message: 'email must be a valid email address' })
  @MaxLength(EMAIL_LENGTH)
  email: string;

  @ApiText(200, { minLength: 1, description: 'trimmed', example: 'Maria Rossi' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  fullName: string;

  @ApiEnum(ROLES, 'Role')
  @IsIn(ROLES)
  role: Role;

  @ApiIstatTenant({
    required: false,
    description: 'Admins only: ISTAT code of the metropolitan city (e.g. 272). Coordinators always create in their own tenant.',
  })
  @Optional()
  @IsString()
  @Matches(/^[0-9]{3}$/, { message: 'tenant must be the 3-digit ISTAT code of a metropolitan city' })
  tenant?: string;

  @ApiText(MAX_PASSWORD_LENGTH, {
    required: false,
    minLength: MIN_PASSWORD_LENGTH,
    format: 'password',
    description: 'When absent a temporary password is generated and returned once',
  })
  @Optional()
  @IsString()
  @MinLength(MIN_PASSWORD_LENGTH)
  @MaxLength(MAX_PASSWORD_LENGTH)
  password?: string;

  @ApiDate({ required: false, nullable: true, description: 'Innovators: hiring date' })
  @Optional({ nullable: true })
  @IsDateOnly()
  hiredOn?: string | null;

  @ApiDate({ required: false, nullable: true, description: 'Innovators: contract end (not before hiredOn)' })
  @Optional({ nullable: true })
  @IsDateOnly()
  contractEnd?: string | null;

  @ApiStringArray({ pattern: ISTAT_MUNICIPALITY_PATTERN, maxLength: 6 }, MAX_ASSIGNED_MUNICIPALITIES, {
    required: false,
    uniqueItems: true,
    description: 'Innovators: ISTAT codes of the assigned municipalities',
    example: ['072029', '072022'],
  })
  @Optional()
  @IsArray()
  @ArrayMaxSize(MAX_ASSIGNED_MUNICIPALITIES)
  @ArrayUnique()
  @Matches(/^[0-9]{6}$/, { each: true, message: 'each value in municipalities must be a 6-digit ISTAT code' })
  municipalities?: string[];

  @ApiProperty({ type: () => TerritoryRefDto, required: false, description: 'Municipality users: their territory (required for them)' })
  @Optional()
  @ValidateNested()
  @Type(() => TerritoryRefDto)
  territory?: TerritoryRefDto;
}
