import { HttpStatus } from '@nestjs/common';
import { defineErrors } from '../../common/errors/app-error';

/** Error codes of the reuse model (docs/reuse.md). */
export const ReuseErrors = defineErrors({
  /** unknown, other tenant, or outside the caller's ranking territory: the same answer */
  REUSE_BUILDING_NOT_FOUND: { status: HttpStatus.NOT_FOUND, message: 'Building not found' },
  /** unknown, other tenant, or not readable by the caller */
  REUSE_ORGANIZATION_NOT_FOUND: { status: HttpStatus.NOT_FOUND, message: 'Organization not found' },
  /** the candidate of a proposal is not one of the building's matches (needs space, shares a use, near enough) */
  REUSE_NOT_A_MATCH: { status: HttpStatus.BAD_REQUEST, message: 'This organization is not a match for the building' },
});
