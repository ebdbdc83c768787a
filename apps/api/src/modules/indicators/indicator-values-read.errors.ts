import { HttpStatus } from '@nestjs/common';
import { defineErrors } from '../../common/errors/app-error';

/** Error codes of the indicators' read side (docs/indicators-rollup.md); a 400 names its field in `details`. */
export const IndicatorReadErrors = defineErrors({
  /** a territory of another tenant, unknown, or outside the caller's own territory: the same answer */
  INDICATOR_TERRITORY_NOT_FOUND: { status: HttpStatus.NOT_FOUND, message: 'Territory not found' },
  /** period together with from/to, from without to, to before from, a grain coarser than the period */
  INDICATOR_RANGE_INVALID: { status: HttpStatus.BAD_REQUEST, message: 'The periods asked for are not consistent' },
  /** more territories × periods than one answer holds */
  INDICATOR_RANGE_TOO_LARGE: { status: HttpStatus.BAD_REQUEST, message: 'Too many periods and territories in one request: narrow it' },
  /** a breakdown finer than the territory allows (by=socialArea of a municipality) */
  INDICATOR_BREAKDOWN_INVALID: { status: HttpStatus.BAD_REQUEST, message: 'This territory cannot be broken down that way' },
  /** drafts are shown to staff only */
  INDICATOR_DRAFTS_FORBIDDEN: { status: HttpStatus.FORBIDDEN, message: 'Only coordinators and innovators see draft values' },
});
