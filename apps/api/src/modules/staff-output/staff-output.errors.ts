import { HttpStatus } from '@nestjs/common';
import { defineErrors } from '../../common/errors/app-error';

/** Error codes of the staff-output dashboard. Both carry `details` naming the `tenant` parameter. */
export const StaffOutputErrors = defineErrors({
  /** a platform admin spans tenants: the dashboard is about one, so they must name it */
  STAFF_OUTPUT_TENANT_REQUIRED: {
    status: HttpStatus.BAD_REQUEST,
    message: 'Admins must choose a metropolitan city: add ?tenant=<ISTAT code of the metropolitan city>',
  },
  /** no such tenant, or (for a coordinator) not their own: the same answer */
  STAFF_OUTPUT_TENANT_UNKNOWN: { status: HttpStatus.BAD_REQUEST, message: 'Unknown metropolitan city' },
});
