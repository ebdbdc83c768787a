import { HttpStatus } from '@nestjs/common';
import { defineErrors } from '../../common/errors/app-error';

/** Error codes of the territory feature (social areas, municipalities, map, import). */
export const TerritoryErrors = defineErrors({
  /** a territory file (CSV or GeoJSON) or the tenant manifest is not valid: nothing was written */
  TERRITORY_IMPORT_INVALID: { status: HttpStatus.BAD_REQUEST, message: 'The territory files are not valid: nothing was imported' },
  /** outside the caller's scope looks the same as missing */
  MUNICIPALITY_NOT_FOUND: { status: HttpStatus.NOT_FOUND, message: 'Municipality not found' },
  SOCIAL_AREA_NOT_FOUND: { status: HttpStatus.NOT_FOUND, message: 'Social area not found' },
  /** the social area a municipality is moved to does not exist in the municipality's tenant */
  SOCIAL_AREA_UNKNOWN: { status: HttpStatus.BAD_REQUEST, message: 'Unknown social area' },
  MUNICIPALITY_STALE_VERSION: {
    status: HttpStatus.CONFLICT,
    message: 'This municipality was changed by someone else since you loaded it: reload it and apply your change again',
  },
  /** an admin asked for a code that exists in more than one tenant without naming the tenant */
  TERRITORY_TENANT_REQUIRED: {
    status: HttpStatus.BAD_REQUEST,
    message: 'This code exists in several tenants: add ?tenant=<ISTAT code of the metropolitan city>',
  },
});
