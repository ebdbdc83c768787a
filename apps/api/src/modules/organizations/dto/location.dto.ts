import { ApiSchema } from '@nestjs/swagger';
import { NumberColumn } from '../../../common/http/fields';

/** Plausible bounds: Italy (the same CHECK holds in the database, as for activities). */
export const LOCATION_BOUNDS = { minLat: 35, maxLat: 47.5, minLon: 6, maxLon: 19 } as const;

/** The organization's seat as a point (WGS84); it must lie inside its municipality. */
@ApiSchema({ name: 'OrganizationLocation' })
export class OrganizationLocationDto {
  @NumberColumn(LOCATION_BOUNDS.minLat, LOCATION_BOUNDS.maxLat, { example: 41.1171 })
  lat: number;

  @NumberColumn(LOCATION_BOUNDS.minLon, LOCATION_BOUNDS.maxLon, { example: 16.8719 })
  lon: number;
}
