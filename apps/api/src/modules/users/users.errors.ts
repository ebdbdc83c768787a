import { HttpStatus } from '@nestjs/common';
import { defineErrors } from '../../common/errors/app-error';

/** Error codes of user management. Field-level rule failures use VALIDATION_FAILED with details, like the validation pipe. */
export const UsersErrors = defineErrors({
  /** the same answer wherever the existing account is (this tenant, another one, an admin): it never says where */
  USER_EMAIL_TAKEN: { status: HttpStatus.CONFLICT, message: 'This email cannot be used for a new account' },
  USER_ROLE_NOT_ALLOWED: { status: HttpStatus.FORBIDDEN, message: 'Your role cannot create or manage users of this role' },
  USER_RESET_NOT_ALLOWED: {
    status: HttpStatus.FORBIDDEN,
    message: "Only an admin can reset a coordinator's or an admin's password; your own you change with the current one",
  },
  USER_SELF_DEACTIVATION: { status: HttpStatus.FORBIDDEN, message: 'You cannot deactivate your own account' },
  USER_NOT_INNOVATOR: { status: HttpStatus.BAD_REQUEST, message: 'Municipalities are assigned to innovators only' },
});
