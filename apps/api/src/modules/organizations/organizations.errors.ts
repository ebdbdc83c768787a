import { HttpStatus } from '@nestjs/common';
import { defineErrors } from '../../common/errors/app-error';

/** Error codes of the organizations register. Problems with one field carry `details` naming it. */
export const OrganizationErrors = defineErrors({
  /** unknown, other tenant, or outside the caller's territory: the same answer */
  ORGANIZATION_NOT_FOUND: { status: HttpStatus.NOT_FOUND, message: 'Organization not found' },
  ORGANIZATION_TAX_CODE_TAKEN: { status: HttpStatus.CONFLICT, message: 'An organization with this tax code is already registered' },
  /** similar names nearby: `data.candidates` lists them; send `acknowledgeDuplicates: true` to save anyway */
  ORGANIZATION_POSSIBLE_DUPLICATE: {
    status: HttpStatus.CONFLICT,
    message: 'Organizations with a similar name are registered in this or a neighbouring municipality',
  },
  /** no municipality with this ISTAT code in the caller's tenant */
  ORGANIZATION_MUNICIPALITY_UNKNOWN: { status: HttpStatus.BAD_REQUEST, message: 'Unknown municipality' },
  /** an innovator registers organizations only in the municipalities assigned to them */
  ORGANIZATION_MUNICIPALITY_NOT_ASSIGNED: { status: HttpStatus.BAD_REQUEST, message: 'This municipality is not assigned to you' },
  ORGANIZATION_POINT_OUTSIDE_MUNICIPALITY: { status: HttpStatus.BAD_REQUEST, message: 'The point is outside the municipality' },
  /** the contact person's data are kept only with their consent */
  ORGANIZATION_CONTACT_CONSENT_REQUIRED: {
    status: HttpStatus.BAD_REQUEST,
    message: "The contact person's details can be recorded only with their consent",
  },
  ORGANIZATION_CLIENT_ID_CONFLICT: { status: HttpStatus.CONFLICT, message: 'This clientId was already used for another organization' },
  /** a merged duplicate is kept for its history only: edit its survivor */
  ORGANIZATION_MERGED: { status: HttpStatus.CONFLICT, message: 'This organization was merged into another one' },
  ORGANIZATION_MERGE_SELF: { status: HttpStatus.BAD_REQUEST, message: 'An organization cannot be merged into itself' },
});
