import { applyDecorators } from '@nestjs/common';
import { Transform, Type } from 'class-transformer';
import { IsDefined, IsEmail, IsObject, IsString, IsUrl, MaxLength, ValidateNested } from 'class-validator';
import { LEGAL_URL_MAX } from '@trama/contracts';
import { ApiProperty } from '@nestjs/swagger';
import { ApiText, EMAIL_LENGTH } from '../../../common/http/api-schema';
import { IntColumn } from '../../../common/http/fields';
import { LegalPageMetaDto } from './legal-page-meta.dto';
import { LocalizedNameDto, LocalizedTextDto } from './localized-text.dto';

const HTTP_URL_PATTERN = '^https?://';

const NormalizeEmail = () => Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value));

/** A required nested localized value (name or paragraph). */
export function Localized(type: typeof LocalizedNameDto | typeof LocalizedTextDto, description: string): PropertyDecorator {
  return applyDecorators(
    ApiProperty({ type: () => type, description }),
    IsDefined(),
    IsObject(),
    ValidateNested(),
    Type(() => type),
  );
}

/** An http(s) address. */
export function HttpUrl(description: string): PropertyDecorator {
  return applyDecorators(
    ApiText(LEGAL_URL_MAX, { format: 'uri', pattern: HTTP_URL_PATTERN, description }),
    IsString(),
    MaxLength(LEGAL_URL_MAX),
    IsUrl(
      { protocols: ['http', 'https'], require_protocol: true, require_tld: false },
      { message: '$property must be an http(s) address' },
    ),
  );
}

/** An e-mail address (trimmed, lower-cased). */
export function Email(description: string, options: { nullable?: boolean } = {}): PropertyDecorator {
  return applyDecorators(
    ApiText(EMAIL_LENGTH, { format: 'email', description, ...(options.nullable ? { nullable: true } : {}) }),
    NormalizeEmail(),
    IsString(),
    MaxLength(EMAIL_LENGTH),
    IsEmail({}, { message: '$property must be a valid email address' }),
  );
}

/** The version of the page the editor loaded, sent with a save (optimistic locking). */
export function LoadedVersion(): PropertyDecorator {
  return IntColumn(0, undefined, {
    description: 'optimistic locking: the version you loaded (0: the default text, never saved); a stale one is a 409',
  });
}

/** The page's tenant, version and last change, beside its fields in a response. */
export function PageMeta(): PropertyDecorator {
  return ApiProperty({ type: () => LegalPageMetaDto });
}
