import { HttpStatus } from '@nestjs/common';
import { defineErrors } from '../../common/errors/app-error';

/** Error codes of the buildings register. Problems with one field carry `details` naming it. */
export const BuildingErrors = defineErrors({
  /** unknown, other tenant, or outside what the caller may read: the same answer */
  BUILDING_NOT_FOUND: { status: HttpStatus.NOT_FOUND, message: 'Building not found' },
  /** the same clientId was already used for a different building */
  BUILDING_CLIENT_ID_CONFLICT: {
    status: HttpStatus.CONFLICT,
    message: 'This clientId was already used for a different building: generate a new clientId for a new building',
  },
  /** no municipality with this ISTAT code in the caller's tenant */
  BUILDING_MUNICIPALITY_UNKNOWN: { status: HttpStatus.BAD_REQUEST, message: 'Unknown municipality' },
  /** an innovator maps buildings only in the municipalities assigned to them */
  BUILDING_MUNICIPALITY_NOT_ASSIGNED: { status: HttpStatus.BAD_REQUEST, message: 'This municipality is not assigned to you' },
  /** the caller reads the building but may not change it (an innovator outside their municipalities) */
  BUILDING_NOT_EDITABLE: { status: HttpStatus.FORBIDDEN, message: 'This building is outside the municipalities assigned to you' },
  /** the point lies outside the boundary of the building's municipality (`details` names `location`) */
  BUILDING_POINT_OUTSIDE_MUNICIPALITY: {
    status: HttpStatus.BAD_REQUEST,
    message: 'The point is outside the municipality of the building: move it inside, or choose the right municipality',
  },
  /** a confiscated building needs the ANBSC code and the decree date (`details` names each missing field) */
  BUILDING_CONFISCATION_INCOMPLETE: {
    status: HttpStatus.BAD_REQUEST,
    message: 'A confiscated building needs the ANBSC code and the date of the confiscation decree',
  },
  /** the reuse pipeline does not allow this move (or not for this role); the message names both stages */
  BUILDING_INVALID_STAGE: { status: HttpStatus.CONFLICT, message: 'This move is not allowed from the current stage of the building' },
  /** a move that needs more data: a reason to discard, the assignment to assign (`details` names each field) */
  BUILDING_STAGE_DATA_MISSING: { status: HttpStatus.BAD_REQUEST, message: 'This move needs more data' },
  /** the assignee organization is not one of the tenant's */
  BUILDING_ORGANIZATION_UNKNOWN: { status: HttpStatus.BAD_REQUEST, message: 'Unknown organization' },
});
