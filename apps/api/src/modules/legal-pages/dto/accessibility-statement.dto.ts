import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsDefined, IsIn, IsObject, ValidateIf, ValidateNested } from 'class-validator';
import {
  ASSESSMENT_METHODS,
  type AssessmentMethod,
  CONFORMITY_STATUSES,
  type ConformityStatus,
  INACCESSIBILITY_REASONS,
  type InaccessibilityReason,
  LEGAL_MAX_ITEMS,
} from '@trama/contracts';
import { ApiDate, ApiEnum } from '../../../common/http/api-schema';
import { IsDateOnly } from '../../../common/http/date-only';
import { Email, HttpUrl, LoadedVersion, Localized, PageMeta } from './fields';
import { LocalizedNameDto, LocalizedTextDto } from './localized-text.dto';
import { LegalPageMetaDto } from './legal-page-meta.dto';

const YEARS = { min: 2000, max: 2100 };

@ApiSchema({ name: 'NonAccessibleContent', description: 'A content that is not accessible, and why (AgID model)' })
export class NonAccessibleContentDto {
  @ApiEnum(INACCESSIBILITY_REASONS, 'InaccessibilityReason', {
    description:
      'non_compliance (inaccessibilità ai sensi della legge), disproportionate_burden (onere sproporzionato), out_of_scope (fuori ambito)',
  })
  @IsIn(INACCESSIBILITY_REASONS)
  reason: InaccessibilityReason;

  @Localized(LocalizedTextDto, 'the content, what is not accessible and the accessible alternative, if any')
  description: LocalizedTextDto;
}

/** The fields of the statement (AgID model), as edited and as shown. */
@ApiSchema({ name: 'AccessibilityStatementFields' })
export class AccessibilityStatementFieldsDto {
  @Localized(LocalizedNameDto, 'the administration that publishes the site')
  entityName: LocalizedNameDto;

  @Localized(LocalizedNameDto, 'the site (or app) the statement is about')
  siteName: LocalizedNameDto;

  @HttpUrl('the address of the site')
  siteUrl: string;

  @ApiEnum(CONFORMITY_STATUSES, 'ConformityStatus')
  @IsIn(CONFORMITY_STATUSES)
  conformity: ConformityStatus;

  @ApiProperty({ type: NonAccessibleContentDto, isArray: true, maxItems: LEGAL_MAX_ITEMS, description: 'empty when fully compliant' })
  @IsDefined()
  @IsArray()
  @ArrayMaxSize(LEGAL_MAX_ITEMS)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => NonAccessibleContentDto)
  nonAccessibleContent: NonAccessibleContentDto[];

  @ApiDate({ description: 'when the statement was drawn up' })
  @IsDateOnly(YEARS)
  preparedOn: string;

  @ApiEnum(ASSESSMENT_METHODS, 'AssessmentMethod')
  @IsIn(ASSESSMENT_METHODS)
  method: AssessmentMethod;

  @ApiDate({ description: 'when it was last reviewed; not before preparedOn' })
  @IsDateOnly(YEARS)
  lastReviewedOn: string;

  @Email('where users report accessibility problems ("Segnala un problema di accessibilità"); null: not configured yet', {
    nullable: true,
  })
  @ValidateIf((_o, value) => value !== null)
  feedbackEmail: string | null;

  @HttpUrl("the enforcement procedure (procedura di attuazione): AgID's form for the Difensore civico per il digitale")
  enforcementUrl: string;

  @Localized(LocalizedTextDto, 'information about the site: publication date, usability tests, content management system')
  siteInfo: LocalizedTextDto;
}

@ApiSchema({ name: 'UpdateAccessibilityStatementRequest' })
export class UpdateAccessibilityStatementDto extends AccessibilityStatementFieldsDto {
  @LoadedVersion()
  version: number;
}

@ApiSchema({ name: 'AccessibilityStatement' })
export class AccessibilityStatementDto extends AccessibilityStatementFieldsDto {
  @PageMeta()
  meta: LegalPageMetaDto;
}
