import { ApiSchema, OmitType, PartialType } from '@nestjs/swagger';
import { VersionColumn } from '../../../common/http/fields';
import { CreateBuildingDto } from './create-building.dto';

/**
 * PATCH /api/buildings/:id: only the fields sent change (`null` clears an optional one); `version`
 * is the one the client loaded (stale: 409, nothing written). The stage moves only through /stage.
 */
@ApiSchema({ name: 'UpdateBuildingRequest' })
export class UpdateBuildingDto extends PartialType(OmitType(CreateBuildingDto, ['clientId'] as const), { skipNullProperties: false }) {
  @VersionColumn()
  version: number;
}

/** POST /api/buildings/:id/verify: "verified on site" at the version the caller read. */
@ApiSchema({ name: 'VerifyBuildingRequest' })
export class VerifyBuildingDto {
  @VersionColumn()
  version: number;
}
