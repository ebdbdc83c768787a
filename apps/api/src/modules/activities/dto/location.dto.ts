import { ApiSchema } from '@nestjs/swagger';
import { IsNumber, Max, Min } from 'class-validator';
import { ApiNumber } from '../../../common/http/api-schema';

/** Plausible bounds: Italy (the same CHECK holds in the database). */
export const LOCATION_BOUNDS = { minLat: 35, maxLat: 47.5, minLon: 6, maxLon: 19 } as const;

/** A point (WGS84) where the activity took place. */
@ApiSchema({ name: 'Location' })
export class LocationDto {
  @ApiNumber(LOCATION_BOUNDS.minLat, LOCATION_BOUNDS.maxLat, { example: 41.1171 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(LOCATION_BOUNDS.minLat)
  @Max(LOCATION_BOUNDS.maxLat)
  lat: number;

  @ApiNumber(LOCATION_BOUNDS.minLon, LOCATION_BOUNDS.maxLon, { example: 16.8719 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(LOCATION_BOUNDS.minLon)
  @Max(LOCATION_BOUNDS.maxLon)
  lon: number;
}
