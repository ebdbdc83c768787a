import type { ApiResponseNoStatusOptions } from '@nestjs/swagger';
import { LANGUAGES, type Language, REGISTER_EXPORT_FORMATS, type RegisterExportFormat } from '@trama/contracts';
import { IsIn } from 'class-validator';
import { ApiEnum } from '../http/api-schema';
import { Optional } from '../http/fields';
import { exportResponse } from './export-query';
import type { LabelKey } from './labels';

/**
 * The query of a register's export (buildings, organizations, initiatives) beside its filters:
 * ExportQuery's flavours plus `geojson` (geojson.ts). Compose it: `IntersectionType(Filters, RegisterExportQuery)`.
 */
export class RegisterExportQuery {
  @ApiEnum(REGISTER_EXPORT_FORMATS, 'RegisterExportFormat', {
    required: false,
    default: 'csv',
    description:
      'csv: RFC 4180, UTF-8, codes and ISO dates; csv-it: Excel in Italian; xlsx; geojson: a FeatureCollection in WGS84 (ISTAT code and name of the municipality on every feature)',
  })
  @Optional()
  @IsIn(REGISTER_EXPORT_FORMATS)
  format: RegisterExportFormat = 'csv';

  @ApiEnum(LANGUAGES, 'Language', { required: false, default: 'it', description: 'the language of the headers, labels and file name' })
  @Optional()
  @IsIn(LANGUAGES)
  lang: Language = 'it';
}

/** The OpenAPI answer of a register's export: exportResponse's files plus the GeoJSON one. */
export function registerExportResponse(file: LabelKey, description: string): ApiResponseNoStatusOptions {
  const base = exportResponse(file, description) as { headers: Record<string, { schema: { pattern: string } }>; content: object };
  const disposition = base.headers['Content-Disposition'];
  return {
    ...base,
    headers: {
      'Content-Disposition': {
        ...disposition,
        schema: { ...disposition.schema, pattern: disposition.schema.pattern.replace('(csv|xlsx)', '(csv|xlsx|geojson)') },
      },
    },
    content: {
      ...base.content,
      'application/geo+json': {
        schema: {
          type: 'string',
          format: 'binary',
          description: 'format=geojson: a FeatureCollection in WGS84; features without a point have `geometry: null`',
        },
      },
    },
  } as ApiResponseNoStatusOptions;
}
