import { HttpStatus } from '@nestjs/common';
import { defineErrors } from '../../common/errors/app-error';

/** Error codes of the collaboration model (docs/collaborations.md). */
export const CollaborationErrors = defineErrors({
  /** unknown, other tenant, or not involving an organization of the caller's territory: the same answer */
  COLLABORATION_SUGGESTION_NOT_FOUND: { status: HttpStatus.NOT_FOUND, message: 'Suggestion not found' },
  /** accepted or dismissed already: a suggestion is decided once */
  COLLABORATION_SUGGESTION_DECIDED: { status: HttpStatus.CONFLICT, message: 'This suggestion was already accepted or dismissed' },
  /** the `municipality` filter names no municipality of the caller's tenant */
  COLLABORATION_MUNICIPALITY_UNKNOWN: { status: HttpStatus.BAD_REQUEST, message: 'Unknown municipality' },
});
