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
  /** an initiative id that is not of the tenant or that the author may not read */
  ACTIVITY_INITIATIVE_UNKNOWN: { status: HttpStatus.BAD_REQUEST, message: 'Unknown initiative' },
  /** a building id that is not of the tenant or that the author may not read */
  ACTIVITY_BUILDING_UNKNOWN: { status: HttpStatus.BAD_REQUEST, message: 'Unknown building' },
  /** submit (or an edit of an activity past draft) without the fields a report needs; `details` names each missing field */
  ACTIVITY_INCOMPLETE: { status: HttpStatus.BAD_REQUEST, message: 'Fill in the missing fields before submitting the activity' },
  /** the point lies outside the boundary of the activity's municipality (`details` names `location`) */
  ACTIVITY_POINT_OUTSIDE_MUNICIPALITY: {
    status: HttpStatus.BAD_REQUEST,
    message: 'The point is outside the municipality of the activity: move it inside, or choose the right municipality',
  },
  /** only drafts can be deleted (a submitted activity is withdrawn by being returned, never deleted) */
  ACTIVITY_NOT_DRAFT: { status: HttpStatus.CONFLICT, message: 'Only a draft can be deleted' },
  /** undo or comment edit of a review decision made by another reviewer */
  ACTIVITY_NOT_REVIEWER: {
    status: HttpStatus.FORBIDDEN,
    message: 'Only the reviewer who made this decision can undo it or edit its comment',
  },
  /** no review decision that can be undone now (none, already undone, or the activity has moved on) */
  ACTIVITY_NOTHING_TO_UNDO: { status: HttpStatus.CONFLICT, message: 'There is no review decision to undo on this activity' },
  /** the undo window has passed: reopen the activity instead (approved) or wait for the resubmission (returned) */
  ACTIVITY_UNDO_EXPIRED: { status: HttpStatus.CONFLICT, message: 'The time to undo this decision has passed' },
  /** the author has already opened the returned activity: the decision and its comment stay as they were read */
  ACTIVITY_REVIEW_SEEN: {
    status: HttpStatus.CONFLICT,
    message: 'The author has already read this review: it can no longer be undone or edited',
  },
  /** the latest decision has no comment that can be edited (not a return or reopen, or the activity has moved on) */
  ACTIVITY_REVIEW_NOT_EDITABLE: { status: HttpStatus.CONFLICT, message: 'There is no review comment to edit on this activity' },
});
