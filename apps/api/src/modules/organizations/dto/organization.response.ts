import { ApiProperty } from '@nestjs/swagger';
import { type MunicipalityRef, ORGANIZATION_KINDS, type OrganizationDto, type OrganizationKind, type Page } from '@trama/contracts';

export class MunicipalityRefDto implements MunicipalityRef {
  @ApiProperty({ example: '072006' }) istatCode: string;
  @ApiProperty({ example: 'Bari' }) name: string;
}

export class OrganizationResponseDto implements OrganizationDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ORGANIZATION_KINDS }) kind: OrganizationKind;
  @ApiProperty({ nullable: true, type: String }) taxCode: string | null;
  @ApiProperty({ type: MunicipalityRefDto }) municipality: MunicipalityRef;
  @ApiProperty() active: boolean;
  @ApiProperty() version: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class OrganizationsPageDto implements Page<OrganizationDto> {
  @ApiProperty({ type: [OrganizationResponseDto] }) items: OrganizationDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}
