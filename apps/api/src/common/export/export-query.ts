import type { ApiResponseNoStatusOptions } from '@nestjs/swagger';
import { EXPORT_FORMATS, type ExportFormat, LANGUAGES, type Language } from '@trama/contracts';
import { IsIn } from 'class-validator';
import { ApiEnum } from '../http/api-schema';
import { Optional } from '../http/fields';
import { LABELS, type LabelKey } from './labels';

/**
 * The query every export takes beside its filters (compose it: `IntersectionType(Filters, ExportQuery)`).
 * The language is an explicit `lang` parameter, not `Accept-Language`: the web sends the language
 * the user chose in the interface (which may differ from the browser's), and the same URL always
 * gives the same file.
 */
export class ExportQuery {
  @ApiEnum(EXPORT_FORMATS, 'ExportFormat', {
    required: false,
    default: 'csv',
    description:
      'csv: RFC 4180, UTF-8, codes and ISO dates (for programs); csv-it: Excel in Italian (; separator, BOM, decimal comma, dd/mm/yyyy, labels); xlsx',
  })
  @Optional()
  @IsIn(EXPORT_FORMATS)
  format: ExportFormat = 'csv';

  @ApiEnum(LANGUAGES, 'Language', {
    required: false,
    default: 'it',
    description: 'the language of the headers, labels and file name of csv-it and xlsx (the interface language)',
  })
  @Optional()
  @IsIn(LANGUAGES)
  lang: Language = 'it';
}

/** The OpenAPI answer of an export operation: the file, its name per flavour and language. */
export function exportResponse(file: LabelKey, description: string): ApiResponseNoStatusOptions {
  const bases = [...new Set(Object.values(LABELS).map((labels) => labels[file]))];
  return {
    description,
    headers: {
      'Content-Disposition': {
        description: `attachment; filename="${bases.join('|')}-YYYY-MM-DD.csv", "…-excel-it.csv" (csv-it) or "….xlsx" (the date of the export, in Rome; the base in the language asked for)`,
        schema: {
          type: 'string',
          pattern: `^attachment; filename="(${bases.join('|')})-[0-9]{4}-[0-9]{2}-[0-9]{2}(-excel-it)?\\.(csv|xlsx)"$`,
          maxLength: 96,
        },
      },
    },
    content: {
      'text/csv': {
        schema: {
          type: 'string',
          format: 'binary',
          description:
            'format=csv: RFC 4180, UTF-8, comma-separated, CRLF, codes; format=csv-it: for Excel in Italian (semicolon-separated, UTF-8 BOM, decimal comma, dd/mm/yyyy, labels, ISTAT codes as ="072029"). Always with a header row.',
        },
      },
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
        schema: {
          type: 'string',
          format: 'binary',
          description: 'format=xlsx: one sheet per 1,048,575 rows, each with a frozen header row and an autofilter; labels in `lang`',
        },
      },
    },
  };
}
