import { ApiProperty } from '@nestjs/swagger';
import type { LoginRequest } from '@trama/contracts';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { MAX_PASSWORD_LENGTH } from '../../users/dto/create-user.dto';
import { NormalizeEmail } from '../../users/dto/validators';

export class LoginDto implements LoginRequest {
  @ApiProperty({ format: 'email', example: 'coordinatore.bari@trama.test' })
  @NormalizeEmail()
  @IsString()
  @IsNotEmpty()
  @MaxLength(254)
  email: string;

  @ApiProperty({ format: 'password' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(MAX_PASSWORD_LENGTH)
  password: string;
}
