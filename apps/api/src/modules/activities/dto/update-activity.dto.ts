import { ApiSchema, OmitType, PartialType } from '@nestjs/swagger';
import { CreateActivityDto } from './create-activity.dto';
import { VersionColumn } from '../../../common/http/fields';

/**
 * PATCH /api/activities/:id: only the fields sent change (`null` clears an optional one);
 * `version` is the one the client loaded (a stale one is a 409 and nothing is written).
 *
 * The fields, their validation, transforms and OpenAPI are those of creation (but clientId), each
 * optional. `skipNullProperties: false` skips only absent fields: a required one (title, date, …)
 * may be left out but not set to null, while optional ones keep their own null-accepting @IsOptional.
 */
@ApiSchema({ name: 'UpdateActivityRequest' })
export class UpdateActivityDto extends PartialType(OmitType(CreateActivityDto, ['clientId'] as const), { skipNullProperties: false }) {
  @VersionColumn()
  version: number;
}
