import { applyDecorators } from '@nestjs/common';
import { MIN_PASSWORD_LENGTH } from '@trama/contracts';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { ApiText } from '../../../common/http/api-schema';
import { MAX_PASSWORD_LENGTH } from '../../users/dto/create-user.dto';

/** The new password of a reset or a change: its length only (NIST SP 800-63B). */
export function NewPassword(): PropertyDecorator {
  // in the order stacked decorators apply (bottom-up), as they stood on each field: same constraint order
  return applyDecorators(
    MaxLength(MAX_PASSWORD_LENGTH),
    MinLength(MIN_PASSWORD_LENGTH),
    IsString(),
    ApiText(MAX_PASSWORD_LENGTH, {
      minLength: MIN_PASSWORD_LENGTH,
      format: 'password',
      description: 'no other composition rule (NIST SP 800-63B)',
    }),
  );
}
