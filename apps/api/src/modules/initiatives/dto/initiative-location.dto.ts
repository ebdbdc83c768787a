import { ApiSchema } from '@nestjs/swagger';
import { NumberColumn } from '../../../common/http/fields';

/** A point (WGS84) where the initiative is, inside Italy (the same CHECK holds in the database). */
@ApiSchema({ name: 'InitiativeLocation' })
export class InitiativeLocationDto {
  @NumberColumn(35, 47.5, { example: 41.2009 })
  lat: number;

  @NumberColumn(6, 19, { example: 16.5971 })
  lon: number;
}
