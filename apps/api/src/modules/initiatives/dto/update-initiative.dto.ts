import { ApiSchema, OmitType, PartialType } from '@nestjs/swagger';
import { VersionColumn } from '../../../common/http/fields';
import { CreateInitiativeDto } from './create-initiative.dto';

/**
 * PATCH /api/initiatives/:id: only the fields sent change (`null` clears an optional one); `version`
 * is the one the client loaded (stale: 409, nothing written). The status moves only through
 * POST /api/initiatives/:id/status.
 */
@ApiSchema({ name: 'UpdateInitiativeRequest' })
export class UpdateInitiativeDto extends PartialType(OmitType(CreateInitiativeDto, ['clientId', 'status'] as const), {
  skipNullProperties: false,
}) {
  @VersionColumn()
  version: number;
}
