import { ApiSchema } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength, ValidateIf } from 'class-validator';
import { LEGAL_NAME_MAX } from '@trama/contracts';
import { ApiDate, ApiText } from '../../../common/http/api-schema';
import { IsDateOnly } from '../../../common/http/date-only';
import { Trim } from '../../../common/http/trim';
import { Email, LoadedVersion, Localized, PageMeta } from './fields';
import { LegalPageMetaDto } from './legal-page-meta.dto';
import { LocalizedNameDto, LocalizedTextDto } from './localized-text.dto';

/**
 * The fields of the privacy notice (GDPR art. 13): controller and contacts, DPO, purposes, legal
 * basis, categories of data, recipients, transfers, retention, rights. The right to lodge a
 * complaint with the Garante is stated by the page itself (it is not optional).
 */
@ApiSchema({ name: 'PrivacyNoticeFields' })
export class PrivacyNoticeFieldsDto {
  @Localized(LocalizedNameDto, 'the data controller (titolare del trattamento)')
  controllerName: LocalizedNameDto;

  @ApiText(LEGAL_NAME_MAX, { minLength: 1, description: "the controller's address (trimmed)" })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(LEGAL_NAME_MAX)
  controllerAddress: string;

  @Email("the controller's e-mail; null: not given yet (the page says so)", { nullable: true })
  @ValidateIf((_o, value) => value !== null)
  controllerEmail: string | null;

  @Email("the controller's certified e-mail (PEC); null: none", { nullable: true })
  @ValidateIf((_o, value) => value !== null)
  controllerPec: string | null;

  @Email('the data protection officer (responsabile della protezione dei dati, RPD/DPO); null: not given yet (the page says so)', {
    nullable: true,
  })
  @ValidateIf((_o, value) => value !== null)
  dpoEmail: string | null;

  @Localized(LocalizedTextDto, 'purposes of the processing')
  purposes: LocalizedTextDto;

  @Localized(LocalizedTextDto, 'legal basis (art. 6 GDPR)')
  legalBasis: LocalizedTextDto;

  @Localized(LocalizedTextDto, 'categories of personal data')
  dataCategories: LocalizedTextDto;

  @Localized(LocalizedTextDto, 'recipients or categories of recipients')
  recipients: LocalizedTextDto;

  @Localized(LocalizedTextDto, 'transfers outside the European Union, if any')
  transfers: LocalizedTextDto;

  @Localized(LocalizedTextDto, 'how long the data are kept, or the criteria')
  retention: LocalizedTextDto;

  @Localized(LocalizedTextDto, "the data subject's rights (arts. 15–22 GDPR) and how to exercise them")
  rights: LocalizedTextDto;

  @ApiDate({ description: 'the date of the notice' })
  @IsDateOnly({ min: 2000, max: 2100 })
  noticeDate: string;
}

@ApiSchema({ name: 'UpdatePrivacyNoticeRequest' })
export class UpdatePrivacyNoticeDto extends PrivacyNoticeFieldsDto {
  @LoadedVersion()
  version: number;
}

@ApiSchema({ name: 'PrivacyNotice' })
export class PrivacyNoticeDto extends PrivacyNoticeFieldsDto {
  @PageMeta()
  meta: LegalPageMetaDto;
}
