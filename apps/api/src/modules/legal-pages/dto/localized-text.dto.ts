import { ApiSchema } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { LEGAL_NAME_MAX, LEGAL_TEXT_MAX } from '@trama/contracts';
import { ApiText } from '../../../common/http/api-schema';
import { Trim } from '../../../common/http/trim';

/*
 * Free text of a legal page in the two languages of the app: Italian (required: the legal text)
 * and English (empty: the page shows the Italian, marked lang="it"). Coded values (conformity,
 * method, reasons) and dates are language-neutral fields whose labels come from the web catalogue.
 */

@ApiSchema({ name: 'LocalizedName', description: 'A name in Italian and English (empty English: the Italian is shown)' })
export class LocalizedNameDto {
  @ApiText(LEGAL_NAME_MAX, { minLength: 1, description: 'Italian (trimmed)' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(LEGAL_NAME_MAX)
  it: string;

  @ApiText(LEGAL_NAME_MAX, { description: 'English (trimmed; empty: the Italian is shown)' })
  @Trim()
  @IsString()
  @MaxLength(LEGAL_NAME_MAX)
  en: string;
}

@ApiSchema({
  name: 'LocalizedText',
  description: 'A paragraph in Italian and English (empty English: the Italian is shown); line breaks are kept',
})
export class LocalizedTextDto {
  @ApiText(LEGAL_TEXT_MAX, { minLength: 1, description: 'Italian (trimmed)' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(LEGAL_TEXT_MAX)
  it: string;

  @ApiText(LEGAL_TEXT_MAX, { description: 'English (trimmed; empty: the Italian is shown)' })
  @Trim()
  @IsString()
  @MaxLength(LEGAL_TEXT_MAX)
  en: string;
}
