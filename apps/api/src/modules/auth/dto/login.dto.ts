import { ApiSchema } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { ApiText, EMAIL_LENGTH } from '../../../common/http/api-schema';
import { MAX_PASSWORD_LENGTH } from '../../users/dto/create-user.dto';
import { NormalizeEmail } from '../../users/dto/validators';

@ApiSchema({ name: 'LoginRequest' })
export class LoginDto {
  @ApiText(EMAIL_LENGTH, { minLength: 1, format: 'email', description: 'trimmed and lower-cased', example: 'coordinatore.bari@trama.test' })
  @NormalizeEmail()
  @IsString()
  @IsNotEmpty()
  @MaxLength(EMAIL_LENGTH)
  email: string;

  @ApiText(MAX_PASSWORD_LENGTH, { minLength: 1, format: 'password' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(MAX_PASSWORD_LENGTH)
  password: string;
}
