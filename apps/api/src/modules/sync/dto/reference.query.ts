import { REFERENCE_CURSOR_MAX_LENGTH, SYNC_DEVICE_PATTERN } from '@trama/contracts';
import { IsString, Matches, MaxLength } from 'class-validator';
import { ApiCode } from '../../../common/http/api-schema';
import { Optional } from '../../../common/http/fields';

/** `GET /api/sync/reference?since=&device=` */
export class ReferenceQueryDto {
  @ApiCode('^[A-Za-z0-9_-]+$', REFERENCE_CURSOR_MAX_LENGTH, {
    required: false,
    description: 'The `cursor` of the previous answer (opaque); omitted: everything in scope',
  })
  @Optional()
  @IsString()
  @MaxLength(REFERENCE_CURSOR_MAX_LENGTH)
  @Matches(/^[A-Za-z0-9_-]+$/, { message: 'since must be a cursor returned by this endpoint' })
  since?: string;

  @ApiCode(SYNC_DEVICE_PATTERN, 64, {
    required: false,
    minLength: 8,
    description: "The device's own random id (kept by the browser): its last sync is recorded for the staff-output dashboard",
  })
  @Optional()
  @IsString()
  @Matches(new RegExp(SYNC_DEVICE_PATTERN), { message: 'device must be 8 to 64 letters, digits, - or _' })
  device?: string;
}
