import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { MAX_PAGE_SIZE } from '@trama/contracts';
import { ApiArray, ApiCode, ApiCount, ApiDateTime, ApiInt, INT32_MAX } from '../../../common/http/api-schema';
import { UserRefDto } from '../../../common/http/refs.dto';

export const AUDIT_NAME_PATTERN = '^[a-z][a-z0-9_]*$';

@ApiSchema({ name: 'AuditEntry' })
export class AuditEntryResponseDto {
  @ApiCode('^[0-9]+$', 20, { description: 'the entry id (a bigint, as text)' }) id: string;
  @ApiDateTime() at: string;
  @ApiProperty({ type: () => UserRefDto, nullable: true, description: 'null for the system and for anonymous events (failed sign-ins)' })
  actor: UserRefDto | null;
  @ApiCode(AUDIT_NAME_PATTERN, 64, {
    description: 'kind of record: user, activity, organization, municipality, tenant, …',
    example: 'user',
  })
  entity: string;
  @ApiCode('^[A-Za-z0-9_-]+$', 128, { description: 'id of the record (a UUID, or a code for territory records)' }) entityId: string;
  @ApiCode(AUDIT_NAME_PATTERN, 64, { description: 'create, update, login_failure, password_reset, …', example: 'update' }) action: string;
  @ApiProperty({
    type: 'object',
    nullable: true,
    additionalProperties: true,
    description: 'the record before the change (secrets redacted)',
  })
  before: unknown;
  @ApiProperty({
    type: 'object',
    nullable: true,
    additionalProperties: true,
    description: 'the record after the change (secrets redacted)',
  })
  after: unknown;
}

@ApiSchema({ name: 'AuditPage' })
export class AuditPageDto {
  @ApiArray(AuditEntryResponseDto, MAX_PAGE_SIZE) items: AuditEntryResponseDto[];
  @ApiCount() total: number;
  @ApiInt(1, INT32_MAX) page: number;
  @ApiInt(1, MAX_PAGE_SIZE) pageSize: number;
}
