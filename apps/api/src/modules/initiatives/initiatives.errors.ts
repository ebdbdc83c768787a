import { HttpStatus } from '@nestjs/common';
import { defineErrors } from '../../common/errors/app-error';

/** Error codes of the initiatives register. Problems with one field carry `details` naming it. */
export const InitiativeErrors = defineErrors({
  /** unknown, other tenant, or outside what the caller may read: the same answer */
  INITIATIVE_NOT_FOUND: { status: HttpStatus.NOT_FOUND, message: 'Initiative not found' },
  /** the caller reads the initiative but none of its municipalities is assigned to them */
  INITIATIVE_NOT_EDITABLE: {
    status: HttpStatus.FORBIDDEN,
    message: 'You can edit an initiative only when one of its municipalities is assigned to you',
  },
  /** the same clientId was already used for a different initiative */
  INITIATIVE_CLIENT_ID_CONFLICT: {
    status: HttpStatus.CONFLICT,
    message: 'This clientId was already used for a different initiative: generate a new clientId for a new initiative',
  },
  /** a municipality ISTAT code that is not of the caller's tenant (`details` names the field) */
  INITIATIVE_MUNICIPALITY_UNKNOWN: { status: HttpStatus.BAD_REQUEST, message: 'Unknown municipality' },
  /** an innovator's initiative must keep at least one of their assigned municipalities */
  INITIATIVE_MUNICIPALITY_NOT_ASSIGNED: {
    status: HttpStatus.BAD_REQUEST,
    message: 'At least one municipality of the initiative must be assigned to you',
  },
  /** an organization id that is not of the tenant */
  INITIATIVE_ORGANIZATION_UNKNOWN: { status: HttpStatus.BAD_REQUEST, message: 'Unknown organization' },
  /** a building id that is not of the tenant or that the caller may not read */
  INITIATIVE_BUILDING_UNKNOWN: { status: HttpStatus.BAD_REQUEST, message: 'Unknown building' },
  /** the point lies outside every municipality of the initiative */
  INITIATIVE_POINT_OUTSIDE_MUNICIPALITY: {
    status: HttpStatus.BAD_REQUEST,
    message: 'The point is outside the municipalities of the initiative: move it inside, or add the right municipality',
  },
  /** the end date is before the start date */
  INITIATIVE_DATES_ORDER: { status: HttpStatus.BAD_REQUEST, message: 'The end date cannot be before the start date' },
  /** publicly funded and running or completed without a CUP */
  INITIATIVE_CUP_REQUIRED: {
    status: HttpStatus.BAD_REQUEST,
    message: 'A publicly funded initiative needs its CUP once it is running or completed',
  },
  /** a funding amount without its source */
  INITIATIVE_FUNDING_SOURCE_REQUIRED: { status: HttpStatus.BAD_REQUEST, message: 'Say where the funding comes from' },
  /** stopping an initiative needs a reason */
  INITIATIVE_REASON_REQUIRED: { status: HttpStatus.BAD_REQUEST, message: 'Give the reason why the initiative is stopped' },
  /** the status machine does not allow this move; the message names both ends */
  INITIATIVE_INVALID_TRANSITION: { status: HttpStatus.CONFLICT, message: 'This status change is not allowed from the current status' },
});
