import { ApiSchema, OmitType, PartialType } from '@nestjs/swagger';
import { VersionColumn } from '../../../common/http/fields';
import { CreateOrganizationDto } from './create-organization.dto';

/**
 * PATCH /api/organizations/:id: only the fields sent change (`null` clears an optional one);
 * `version` is the one the client loaded (a stale one is a 409 and nothing is written). A changed
 * name or municipality is checked for duplicates as on creation (`acknowledgeDuplicates`).
 */
@ApiSchema({ name: 'UpdateOrganizationRequest' })
export class UpdateOrganizationDto extends PartialType(OmitType(CreateOrganizationDto, ['clientId'] as const), {
  skipNullProperties: false,
}) {
  @VersionColumn()
  version: number;
}
