import { ApiProperty } from '@nestjs/swagger';
import type { AuditEntryDto, Page } from '@trama/contracts';

export class AuditActorDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() fullName: string;
}

export class AuditEntryResponseDto implements AuditEntryDto {
  @ApiProperty() id: string;
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ type: AuditActorDto, nullable: true, description: 'null for the system and for anonymous events (failed sign-ins)' })
  actor: { id: string; fullName: string } | null;
  @ApiProperty({ example: 'user' }) entity: string;
  @ApiProperty() entityId: string;
  @ApiProperty({ example: 'update' }) action: string;
  @ApiProperty({ nullable: true, type: 'object', additionalProperties: true }) before: unknown;
  @ApiProperty({ nullable: true, type: 'object', additionalProperties: true }) after: unknown;
}

export class AuditPageDto implements Page<AuditEntryDto> {
  @ApiProperty({ type: [AuditEntryResponseDto] }) items: AuditEntryDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}
