import { ApiSchema } from '@nestjs/swagger';
import { MIN_PASSWORD_LENGTH } from '@trama/contracts';
import { IsNotEmpty, IsString, MaxLength, MinLength } from 'class-validator';
import { ApiText } from '../../../common/http/api-schema';
import { MAX_PASSWORD_LENGTH } from '../../users/dto/create-user.dto';

@ApiSchema({ name: 'ChangePasswordRequest' })
export class ChangePasswordDto {
  @ApiText(MAX_PASSWORD_LENGTH, { minLength: 1, format: 'password' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(MAX_PASSWORD_LENGTH)
  currentPassword: string;

  @ApiText(MAX_PASSWORD_LENGTH, {
    minLength: MIN_PASSWORD_LENGTH,
    format: 'password',
    description: 'no other composition rule (NIST SP 800-63B)',
  })
  @IsString()
  @MinLength(MIN_PASSWORD_LENGTH)
  @MaxLength(MAX_PASSWORD_LENGTH)
  newPassword: string;
}
