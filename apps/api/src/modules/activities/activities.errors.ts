import { HttpStatus } from '@nestjs/common';
import { defineErrors } from '../../common/errors/app-error';

/** Error codes of the activity log. Problems with one field carry `details` naming it. */
export const ActivityErrors = defineErrors({
  /** unknown, other tenant, or outside what the caller may read (e.g. a colleague's draft): the same answer */
  ACTIVITY_NOT_FOUND: { status: HttpStatus.NOT_FOUND, message: 'Activity not found' },
  /** the same clientId was already used for a different activity (different body, or another author) */
  ACTIVITY_CLIENT_ID_CONFLICT: {
    status: HttpStatus.CONFLICT,
    message: 'This clientId was already used for a different activity: generate a new clientId for a new activity',
  },
  /** the action is not allowed from the current status; the message names both */
  ACTIVITY_INVALID_TRANSITION: { status: HttpStatus.CONFLICT, message: 'This action is not allowed in the current status of the activity' },
  /** editing a submitted (under review) or approved activity */
  ACTIVITY_LOCKED: { status: HttpStatus.CONFLICT, message: 'This activity cannot be edited in its current status' },
  /** the caller can read the activity but only its author may edit or submit it */
  ACTIVITY_NOT_AUTHOR: { status: HttpStatus.FORBIDDEN, message: 'Only the author of an activity can edit or submit it' },
  /** activities are logged by innovators */
  ACTIVITY_AUTHOR_ROLE: { status: HttpStatus.FORBIDDEN, message: 'Only innovators log activities' },
  /** no municipality with this ISTAT code in the caller's tenant */
  ACTIVITY_MUNICIPALITY_UNKNOWN: { status: HttpStatus.BAD_REQUEST, message: 'Unknown municipality' },
  /** an innovator logs activities only in the municipalities assigned to them */
  ACTIVITY_MUNICIPALITY_NOT_ASSIGNED: { status: HttpStatus.BAD_REQUEST, message: 'This municipality is not assigned to you' },
  /** an organization id that does not exist in the tenant */
  ACTIVITY_ORGANIZATION_UNKNOWN: { status: HttpStatus.BAD_REQUEST, message: 'Unknown organization' },
});
