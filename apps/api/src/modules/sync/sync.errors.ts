import { HttpStatus } from '@nestjs/common';
import { defineErrors } from '../../common/errors/app-error';

/** Error codes of field mode's sync endpoints. */
export const SyncErrors = defineErrors({
  /** the `since` cursor is not one this API wrote (or was cut): start again without it */
  SYNC_CURSOR_INVALID: {
    status: HttpStatus.BAD_REQUEST,
    message: 'The sync cursor is not valid: call again without "since" to receive everything',
  },
});
