import type { ApiResponseNoStatusOptions } from '@nestjs/swagger';
import { LANGUAGES, type Language, REGISTER_EXPORT_FORMATS, type RegisterExportFormat } from '@trama/contracts';
import { IsIn } from 'class-validator';
import { ApiEnum } from '../http/api-schema';
import { Optional } from '../http/fields';
import { exportResponse } from './export-query';
import type { LabelKey } from './labels';

/**
 * The query of a register's export (buildings, organizations, initiatives): the formats of
 * `ExportQuery` plus GeoJSON. Compose it with the register's filters.
 */
export class RegisterExportQuery {
  @ApiEnum(REGISTER_EXPORT_FORMATS, 'RegisterExportFormat', {
    required: false,
    default: 'csv',
    description:
      'csv: RFC 4180, UTF-8 (for programs); csv-it: Excel in Italian; xlsx; geojson: a FeatureCollection in WGS84 (features without a point have a null geometry)',
  })
  @Optional()
  @IsIn(REGISTER_EXPORT_FORMATS)
  format: RegisterExportFormat = 'csv';

  @ApiEnum(LANGUAGES, 'Language', { required: false, default: 'it', description: 'the language of headers, labels and file name' })
  @Optional()
  @IsIn(LANGUAGES)
  lang: Language = 'it';
}

/** The OpenAPI answer of a register export: the three tabular flavours and GeoJSON. */
export function registerExportResponse(file: LabelKey, description: string): ApiResponseNoStatusOptions {
  const base = exportResponse(file, description);
  const disposition = base.headers?.['Content-Disposition'] as { description: string; schema: { pattern: string; maxLength: number } };
  return {
    ...base,
    headers: {
      'Content-Disposition': {
        description: `${disposition.description}, or "….geojson"`,
        schema: { type: 'string', pattern: disposition.schema.pattern.replace('(csv|xlsx)', '(csv|xlsx|geojson)'), maxLength: 96 },
      },
    },
    content: {
      ...base.content,
      'application/geo+json': {
        schema: {
          type: 'string',
          format: 'binary',
          description:
            'format=geojson: a FeatureCollection (RFC 7946, WGS84); each feature carries the record id, istatCode and municipalityName',
        },
      },
    },
  } as ApiResponseNoStatusOptions;
}
