import { HttpStatus } from '@nestjs/common';
import { defineErrors } from '../../common/errors/app-error';

/** Error codes of the legal pages (accessibility statement, privacy notice). */
export const LegalPageErrors = defineErrors({
  /** no tenant with this ISTAT code, or (to edit) not the caller's: the same answer */
  LEGAL_PAGE_TENANT_NOT_FOUND: { status: HttpStatus.NOT_FOUND, message: 'Metropolitan city not found' },
  /** the statement cannot have been reviewed before it was drawn up */
  ACCESSIBILITY_REVIEW_BEFORE_PREPARED: {
    status: HttpStatus.BAD_REQUEST,
    message: 'The date of the last review cannot be earlier than the date the statement was drawn up',
  },
});
