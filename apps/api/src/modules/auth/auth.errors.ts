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
  /**
   * the right password, but a temporary one past TEMP_PASSWORD_DAYS: the user asks their coordinator
   * for a new one (or uses "Password dimenticata?"). Only the holder of the password sees it, so it
   * reveals nothing to a stranger (docs/sign-in.md).
   */
  TEMPORARY_PASSWORD_EXPIRED: {
    status: HttpStatus.UNAUTHORIZED,
    message: 'This temporary password has expired: ask your coordinator for a new one, or reset it by e-mail',
  },
  CURRENT_PASSWORD_WRONG: { status: HttpStatus.BAD_REQUEST, message: 'The current password is not correct' },
  /** a reset link that is unknown, expired, already used, or of a deactivated account: one answer for all */
  RESET_TOKEN_INVALID: {
    status: HttpStatus.BAD_REQUEST,
    message: 'This reset link is not valid any more (used, expired or unknown): ask for a new one',
  },
  /** too many reset requests for one e-mail string (known or not, alike): Retry-After says for how long */
  PASSWORD_RESET_THROTTLED: {
    status: HttpStatus.TOO_MANY_REQUESTS,
    message: 'Too many reset requests for this e-mail address: try again later',
  },
  RATE_LIMITED: {
    status: HttpStatus.TOO_MANY_REQUESTS,
    message: 'Too many attempts from your network address: wait a minute and try again',
  },
});
