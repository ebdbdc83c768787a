import { HttpStatus } from '@nestjs/common';
import { defineErrors } from '../../common/errors/app-error';

/** Error codes of the indicators (docs/indicators.md). Problems with one field carry `details` naming it. */
export const IndicatorErrors = defineErrors({
  /** unknown code, other tenant: the same answer */
  INDICATOR_NOT_FOUND: { status: HttpStatus.NOT_FOUND, message: 'Indicator not found' },
  /** a value id unknown, of another tenant or outside the caller's territory */
  INDICATOR_VALUE_NOT_FOUND: { status: HttpStatus.NOT_FOUND, message: 'Indicator value not found' },
  /** an admin spans tenants: name the metropolitan city (`tenant=<ISTAT>`) */
  INDICATOR_TENANT_REQUIRED: {
    status: HttpStatus.BAD_REQUEST,
    message: 'Name the metropolitan city with the tenant parameter (its 3-digit ISTAT code)',
  },
  /** another definition of the tenant has this code */
  INDICATOR_CODE_TAKEN: { status: HttpStatus.CONFLICT, message: 'Another indicator of this metropolitan city has this code' },
  /** computed ↔ computation; params outside those of the computation; baseline value without year */
  INDICATOR_DEFINITION_INVALID: { status: HttpStatus.BAD_REQUEST, message: 'The indicator definition is not consistent' },
  /** the territory is malformed, or not of the tenant (`details` names the field) */
  INDICATOR_TERRITORY_UNKNOWN: {
    status: HttpStatus.BAD_REQUEST,
    message: 'Unknown territory: write tenant, socialArea:<code> or municipality:<ISTAT code> of this metropolitan city',
  },
  /** a municipality the innovator is not assigned to, or a social area / tenant value by an innovator */
  INDICATOR_TERRITORY_NOT_ASSIGNED: {
    status: HttpStatus.BAD_REQUEST,
    message: 'You can enter values only for the municipalities assigned to you',
  },
  /** malformed period */
  INDICATOR_PERIOD_INVALID: {
    status: HttpStatus.BAD_REQUEST,
    message: 'The period must be a year (2026), a quarter (2026-Q3) or a month (2026-09)',
  },
  /** values of a computed indicator are read from the records, never typed */
  INDICATOR_COMPUTED: {
    status: HttpStatus.BAD_REQUEST,
    message: 'This indicator is computed from the records: its values cannot be entered',
  },
  /** an inactive indicator takes no new values */
  INDICATOR_INACTIVE: { status: HttpStatus.BAD_REQUEST, message: 'This indicator is not active' },
  /** a value for the same indicator, territory and period exists */
  INDICATOR_VALUE_DUPLICATE: {
    status: HttpStatus.CONFLICT,
    message: 'A value for this indicator, territory and period already exists: edit it instead',
  },
  /** validated values are changed only by coordinators */
  INDICATOR_VALUE_LOCKED: { status: HttpStatus.FORBIDDEN, message: 'A validated value can be changed only by a coordinator' },
  /** validating or deleting: the value is not a draft */
  INDICATOR_VALUE_NOT_DRAFT: { status: HttpStatus.CONFLICT, message: 'The value is not a draft' },
  /** the same target territory twice in one list */
  INDICATOR_TARGET_DUPLICATE: { status: HttpStatus.BAD_REQUEST, message: 'The same year and territory appear twice in the targets' },
});
