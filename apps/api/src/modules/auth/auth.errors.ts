import { HttpStatus } from '@nestjs/common';
import { defineErrors } from '../../common/errors/app-error';

/** Error codes of sign-in and sessions. */
export const AuthErrors = defineErrors({
  /** unknown email, wrong password and deactivated account all get this one answer */
  INVALID_CREDENTIALS: { status: HttpStatus.UNAUTHORIZED, message: 'The email or the password is not correct' },
  /** the e-mail is backing off after failed attempts (known and unknown e-mails alike): Retry-After says for how long */
  ACCOUNT_LOCKED: { status: HttpStatus.LOCKED, message: 'Too many failed sign-in attempts with this email: try again later' },
  /** missing, unknown, expired, revoked or reused refresh token */
  SESSION_EXPIRED: { status: HttpStatus.UNAUTHORIZED, message: 'Your session has ended: sign in again' },
  CURRENT_PASSWORD_WRONG: { status: HttpStatus.BAD_REQUEST, message: 'The current password is not correct' },
  RATE_LIMITED: {
    status: HttpStatus.TOO_MANY_REQUESTS,
    message: 'Too many attempts from your network address: wait a minute and try again',
  },
});
