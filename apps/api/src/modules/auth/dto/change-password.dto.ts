import { ApiSchema } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { ApiText } from '../../../common/http/api-schema';
import { MAX_PASSWORD_LENGTH } from '../../users/dto/create-user.dto';
import { NewPassword } from './new-password';

@ApiSchema({ name: 'ChangePasswordRequest' })
export class ChangePasswordDto {
  @ApiText(MAX_PASSWORD_LENGTH, { minLength: 1, format: 'password' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(MAX_PASSWORD_LENGTH)
  currentPassword: string;

  @NewPassword()
  newPassword: string;
}
