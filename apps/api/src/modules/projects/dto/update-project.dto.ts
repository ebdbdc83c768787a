import { ApiSchema, OmitType, PartialType } from '@nestjs/swagger';
import { VersionColumn } from '../../../common/http/fields';
import { CreateProjectDto } from './create-project.dto';

/**
 * PATCH /api/projects/:id: only the fields sent change (`null` clears an optional one; a list sent
 * replaces the list); `version` is the one the client loaded (stale: 409, nothing written).
 */
@ApiSchema({ name: 'UpdateProjectRequest' })
export class UpdateProjectDto extends PartialType(OmitType(CreateProjectDto, ['clientId'] as const), { skipNullProperties: false }) {
  @VersionColumn()
  version: number;
}
