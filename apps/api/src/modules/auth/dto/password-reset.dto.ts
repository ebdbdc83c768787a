import { ApiSchema } from '@nestjs/swagger';
import { IsEmail, IsIn, IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';
import { ApiCode, ApiEnum, ApiText, EMAIL_LENGTH } from '../../../common/http/api-schema';
import { Optional } from '../../../common/http/fields';
import { NormalizeEmail } from '../../users/dto/validators';
import { NewPassword } from './new-password';

export const MAIL_LANGUAGES = ['it', 'en'] as const;
export type MailLanguage = (typeof MAIL_LANGUAGES)[number];

/** A reset token: 256 random bits, base64url (43 characters). */
export const RESET_TOKEN_PATTERN = '^[A-Za-z0-9_-]{43}$';

@ApiSchema({ name: 'PasswordResetRequest' })
export class RequestPasswordResetDto {
  @ApiText(EMAIL_LENGTH, { minLength: 3, format: 'email', description: 'trimmed and lower-cased', example: 'maria.rossi@comune.bari.it' })
  @NormalizeEmail()
  @IsString()
  @IsNotEmpty()
  @IsEmail({}, { message: 'email must be a valid email address' })
  @MaxLength(EMAIL_LENGTH)
  email: string;

  @ApiEnum(MAIL_LANGUAGES, 'MailLanguage', {
    required: false,
    description: 'the language of the e-mail (the page the user is on); without it Accept-Language, else Italian',
  })
  @Optional()
  @IsIn(MAIL_LANGUAGES)
  language?: MailLanguage;
}

@ApiSchema({ name: 'PasswordResetConfirmRequest' })
export class ConfirmPasswordResetDto {
  @ApiCode(RESET_TOKEN_PATTERN, 43, { minLength: 43, description: 'the token of the e-mailed link', example: 'q'.repeat(43) })
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{43}$/, { message: 'token must be the token of the e-mailed link' })
  token: string;

  @NewPassword()
  newPassword: string;
}
