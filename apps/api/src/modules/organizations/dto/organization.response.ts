import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { MAX_PAGE_SIZE, ORGANIZATION_KINDS, type OrganizationKind } from '@trama/contracts';
import {
  ApiArray,
  ApiCode,
  ApiCount,
  ApiDateTime,
  ApiEnum,
  ApiInt,
  ApiText,
  ApiUuid,
  ApiVersion,
  INT32_MAX,
} from '../../../common/http/api-schema';
import { MunicipalityRefDto } from '../../../common/http/refs.dto';
import { ORGANIZATION_NAME_LENGTH, TAX_CODE_PATTERN } from './create-organization.dto';

@ApiSchema({ name: 'Organization' })
export class OrganizationResponseDto {
  @ApiUuid() id: string;
  @ApiText(ORGANIZATION_NAME_LENGTH, { minLength: 1 }) name: string;
  @ApiEnum(ORGANIZATION_KINDS, 'OrganizationKind') kind: OrganizationKind;
  @ApiCode(TAX_CODE_PATTERN, 16, { nullable: true, description: 'codice fiscale / partita IVA, normalised (upper case, no spaces)' })
  taxCode: string | null;
  @ApiProperty({ type: () => MunicipalityRefDto }) municipality: MunicipalityRefDto;
  @ApiProperty() active: boolean;
  @ApiVersion() version: number;
  @ApiDateTime() createdAt: string;
  @ApiDateTime() updatedAt: string;
}

@ApiSchema({ name: 'OrganizationPage' })
export class OrganizationsPageDto {
  @ApiArray(OrganizationResponseDto, MAX_PAGE_SIZE) items: OrganizationResponseDto[];
  @ApiCount() total: number;
  @ApiInt(1, INT32_MAX) page: number;
  @ApiInt(1, MAX_PAGE_SIZE) pageSize: number;
}
