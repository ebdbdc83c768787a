import { HttpStatus } from '@nestjs/common';
import { defineErrors } from '../../common/errors/app-error';

/** Error codes of the organizations register. Problems with one field carry `details` naming it. */
export const OrganizationErrors = defineErrors({
  /** unknown, other tenant, or outside the caller's territory: the same answer */
  ORGANIZATION_NOT_FOUND: { status: HttpStatus.NOT_FOUND, message: 'Organization not found' },
  ORGANIZATION_TAX_CODE_TAKEN: { status: HttpStatus.CONFLICT, message: 'An organization with this tax code is already registered' },
  /** no municipality with this ISTAT code in the caller's tenant */
  ORGANIZATION_MUNICIPALITY_UNKNOWN: { status: HttpStatus.BAD_REQUEST, message: 'Unknown municipality' },
  /** an innovator registers organizations only in the municipalities assigned to them */
  ORGANIZATION_MUNICIPALITY_NOT_ASSIGNED: { status: HttpStatus.BAD_REQUEST, message: 'This municipality is not assigned to you' },
});
