import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import {
  MAX_PAGE_SIZE,
  ORGANIZATION_KINDS,
  ORGANIZATION_SIZES,
  type OrganizationKind,
  type OrganizationSize,
  RESOURCES,
  type Resource,
  TARGET_GROUPS,
  type TargetGroup,
  THEMES,
  type Theme,
} from '@trama/contracts';
import {
  ApiArray,
  ApiCode,
  ApiCount,
  ApiDateTime,
  ApiEnum,
  ApiEnumArray,
  ApiInt,
  ApiText,
  ApiUuid,
  ApiVersion,
  INT32_MAX,
} from '../../../common/http/api-schema';
import { MunicipalityRefDto, SocialAreaRefDto, UserRefDto } from '../../../common/http/refs.dto';
import { ORGANIZATION_NAME_LENGTH, ORGANIZATION_TEXT_LIMITS, TAX_CODE_PATTERN } from './create-organization.dto';
import { OrganizationLocationDto } from './location.dto';

const text = (max: number, description?: string) => ApiText(max, { nullable: true, description });

/** A reference to another organization (the survivor of a merge, a duplicate candidate). */
@ApiSchema({ name: 'OrganizationRef' })
export class OrganizationRefDto {
  @ApiUuid() id: string;
  @ApiText(ORGANIZATION_NAME_LENGTH, { minLength: 1 }) name: string;
}

@ApiSchema({ name: 'Organization' })
export class OrganizationResponseDto {
  @ApiUuid() id: string;
  @ApiUuid({ description: 'the key of its idempotent creation' }) clientId: string;
  @ApiText(ORGANIZATION_NAME_LENGTH, { minLength: 1 }) name: string;
  @ApiEnum(ORGANIZATION_KINDS, 'OrganizationKind') kind: OrganizationKind;
  @ApiCode(TAX_CODE_PATTERN, 16, { nullable: true, description: 'codice fiscale / partita IVA, normalised (upper case, no spaces)' })
  taxCode: string | null;
  @ApiProperty({ type: () => MunicipalityRefDto }) municipality: MunicipalityRefDto;
  @ApiProperty({ type: () => SocialAreaRefDto, nullable: true }) socialArea: SocialAreaRefDto | null;
  @text(ORGANIZATION_TEXT_LIMITS.description) description: string | null;
  @text(ORGANIZATION_TEXT_LIMITS.address) address: string | null;
  @ApiProperty({ type: () => OrganizationLocationDto, nullable: true, description: 'null: not placed on the map' })
  location: OrganizationLocationDto | null;
  @ApiEnumArray(THEMES, 'Theme') themes: Theme[];
  @ApiEnumArray(TARGET_GROUPS, 'TargetGroup') targetGroups: TargetGroup[];
  @ApiEnumArray(RESOURCES, 'Resource') offers: Resource[];
  @ApiEnumArray(RESOURCES, 'Resource') needs: Resource[];
  @ApiEnum(ORGANIZATION_SIZES, 'OrganizationSize', { nullable: true }) size: OrganizationSize | null;
  @text(ORGANIZATION_TEXT_LIMITS.website) website: string | null;
  @ApiText(ORGANIZATION_TEXT_LIMITS.contactName, { nullable: true, required: false, description: 'absent for municipality users' })
  contactName?: string | null;
  @ApiText(ORGANIZATION_TEXT_LIMITS.contactEmail, { nullable: true, required: false, description: 'absent for municipality users' })
  contactEmail?: string | null;
  @ApiText(ORGANIZATION_TEXT_LIMITS.contactPhone, { nullable: true, required: false, description: 'absent for municipality users' })
  contactPhone?: string | null;
  @ApiProperty({ description: 'the contact person agreed to be listed' }) contactConsent: boolean;
  @ApiDateTime({ nullable: true, description: 'when the consent was recorded' }) contactConsentAt: string | null;
  @text(ORGANIZATION_TEXT_LIMITS.notes) notes: string | null;
  @ApiText(ORGANIZATION_TEXT_LIMITS.internalNotes, { nullable: true, required: false, description: 'absent for municipality users' })
  internalNotes?: string | null;
  @ApiProperty() active: boolean;
  @ApiDateTime({ nullable: true, description: 'last "verified on site"' }) lastVerifiedAt: string | null;
  @ApiProperty({ type: () => UserRefDto, nullable: true }) lastVerifiedBy: UserRefDto | null;
  @ApiInt(0, 100, { description: 'share (%) of the fields that matter that are filled (docs/organizations.md)' }) completeness: number;
  @ApiProperty({ type: () => OrganizationRefDto, nullable: true, description: 'set when this organization was merged into another' })
  mergedInto: OrganizationRefDto | null;
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

export const ORGANIZATION_HISTORY_ACTIONS = ['create', 'update', 'verify', 'merge', 'merged_into', 'import'] as const;

/** One audit entry of an organization. */
@ApiSchema({ name: 'OrganizationHistoryEntry' })
export class OrganizationHistoryEntryDto {
  @ApiCode('^[0-9]+$', 20, { description: 'the audit entry id (a bigint, as text)' }) id: string;
  @ApiDateTime() at: string;
  @ApiProperty({ type: () => UserRefDto, nullable: true, description: 'null for the system' }) actor: UserRefDto | null;
  @ApiUuid({ description: 'the organization' }) entityId: string;
  @ApiEnum(ORGANIZATION_HISTORY_ACTIONS, 'OrganizationHistoryAction') action: string;
  @ApiProperty({ type: 'object', nullable: true, additionalProperties: true, description: 'the audited fields before the change' })
  before: unknown;
  @ApiProperty({ type: 'object', nullable: true, additionalProperties: true, description: 'the audited fields after the change' })
  after: unknown;
}

/** A possible duplicate: why it is one, and how alike the names are. */
@ApiSchema({ name: 'OrganizationDuplicateCandidate' })
export class DuplicateCandidateDto {
  @ApiUuid() id: string;
  @ApiText(ORGANIZATION_NAME_LENGTH, { minLength: 1 }) name: string;
  @ApiProperty({ type: () => MunicipalityRefDto }) municipality: MunicipalityRefDto;
  @ApiCode(TAX_CODE_PATTERN, 16, { nullable: true }) taxCode: string | null;
  @ApiEnum(['tax_code', 'similar_name'], 'OrganizationDuplicateReason') reason: 'tax_code' | 'similar_name';
  @ApiProperty({ minimum: 0, maximum: 1, description: 'trigram similarity of the unaccented names (1: the same)' }) similarity: number;
}

@ApiSchema({ name: 'OrganizationDuplicates' })
export class DuplicatesResponseDto {
  @ApiProperty({ description: 'true when the tax code is taken: the save will be refused whatever the user says' }) blocking: boolean;
  @ApiArray(DuplicateCandidateDto, 50) candidates: DuplicateCandidateDto[];
}
