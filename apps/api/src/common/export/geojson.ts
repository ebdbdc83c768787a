import { Readable } from 'node:stream';
import type { ApiResponseNoStatusOptions } from '@nestjs/swagger';
import { LANGUAGES, type Language, REGISTER_EXPORT_FORMATS, type RegisterExportFormat } from '@trama/contracts';
import { IsIn } from 'class-validator';
import { ApiEnum } from '../http/api-schema';
import { Optional } from '../http/fields';
import { exportFile, type ExportSpec, exportFilename, type ExportedFile } from './export-file';
import { exportResponse } from './export-query';
import { LABELS, type LabelKey } from './labels';

/**
 * GeoJSON exports of the registers (issue 9): a FeatureCollection in WGS84 (RFC 7946: longitude
 * first), streamed batch by batch so that memory stays flat whatever the size. Every feature carries
 * `istatCode` and `municipalityName` of its municipality besides the register's own properties; a
 * record without a point is a feature with `geometry: null` (RFC 7946 §3.2 allows it), so the file
 * holds exactly the rows of the list.
 *
 * A register declares what each feature holds (`GeoJsonSpec`) and streams its rows; `registerExport`
 * picks this writer or `common/export`'s tabular one by `format`.
 */
export interface GeoJsonSpec<Row> {
  /** catalogue key of the file name's base, as for the tabular files */
  file: LabelKey;
  /** the point of a row, or null */
  point: (row: Row) => { lat: number; lon: number } | null;
  istatCode: (row: Row) => string;
  municipalityName: (row: Row) => string;
  /** the register's properties of a row (codes, not labels: for programs) */
  properties: (row: Row) => Record<string, unknown>;
}

export const GEOJSON_CONTENT_TYPE = 'application/geo+json; charset=utf-8';

/** One feature as JSON text. */
export function geoJsonFeature<Row>(spec: GeoJsonSpec<Row>, row: Row): string {
  const point = spec.point(row);
  return JSON.stringify({
    type: 'Feature',
    geometry: point ? { type: 'Point', coordinates: [point.lon, point.lat] } : null,
    properties: { istatCode: spec.istatCode(row), municipalityName: spec.municipalityName(row), ...spec.properties(row) },
  });
}

/** The FeatureCollection as text, one chunk per batch; the next batch is read only when the consumer asks for more. */
export function geoJsonStream<Row>(spec: GeoJsonSpec<Row>, batches: AsyncIterable<Row[]>): Readable {
  async function* chunks(): AsyncGenerator<string> {
    yield '{"type":"FeatureCollection","features":[';
    let first = true;
    for await (const rows of batches) {
      if (rows.length === 0) continue;
      const text = rows.map((row) => geoJsonFeature(spec, row)).join(',');
      yield first ? text : `,${text}`;
      first = false;
    }
    yield ']}\n';
  }
  return Readable.from(chunks(), { objectMode: false, highWaterMark: 64 * 1024 });
}

/** A register's export in any of REGISTER_EXPORT_FORMATS: the tabular flavours through exportFile, GeoJSON here. */
export function registerExport<Row>(
  table: ExportSpec<Row>,
  geo: GeoJsonSpec<Row>,
  request: { format: RegisterExportFormat; language: Language },
  batches: AsyncIterable<Row[]>,
  now = new Date(),
): ExportedFile {
  if (request.format !== 'geojson') return exportFile(table, { format: request.format, language: request.language }, batches, now);
  const csvName = exportFilename(table, { format: 'csv', language: request.language }, now);
  return {
    stream: geoJsonStream(geo, batches),
    contentType: GEOJSON_CONTENT_TYPE,
    filename: csvName.replace(/\.csv$/, '.geojson'),
  };
}

/** The query of a register's export beside its filters: `IntersectionType(Filters, RegisterExportQuery)`. */
export class RegisterExportQuery {
  @ApiEnum(REGISTER_EXPORT_FORMATS, 'RegisterExportFormat', {
    required: false,
    default: 'csv',
    description:
      'csv: RFC 4180, UTF-8, codes and ISO dates (for programs); csv-it: Excel in Italian; xlsx; geojson: a FeatureCollection in WGS84 (records without a point have geometry null)',
  })
  @Optional()
  @IsIn(REGISTER_EXPORT_FORMATS)
  format: RegisterExportFormat = 'csv';

  @ApiEnum(LANGUAGES, 'Language', {
    required: false,
    default: 'it',
    description: 'the language of the headers, labels and file name of csv-it and xlsx (the interface language)',
  })
  @Optional()
  @IsIn(LANGUAGES)
  lang: Language = 'it';
}

/** The OpenAPI answer of a register's export: the tabular flavours and GeoJSON. */
export function registerExportResponse(file: LabelKey, description: string): ApiResponseNoStatusOptions {
  const base = exportResponse(file, description) as ApiResponseNoStatusOptions & {
    headers: Record<string, { description: string; schema: Record<string, unknown> }>;
    content: Record<string, unknown>;
  };
  const bases = [...new Set(Object.values(LABELS).map((labels) => labels[file]))];
  return {
    ...base,
    headers: {
      'Content-Disposition': {
        description: `attachment; filename="${bases.join('|')}-YYYY-MM-DD.csv", "…-excel-it.csv" (csv-it), "….xlsx" or "….geojson"`,
        schema: {
          type: 'string',
          pattern: `^attachment; filename="(${bases.join('|')})-[0-9]{4}-[0-9]{2}-[0-9]{2}(-excel-it)?\\.(csv|xlsx|geojson)"$`,
          maxLength: 96,
        },
      },
    },
    content: {
      ...base.content,
      'application/geo+json': {
        schema: {
          type: 'string',
          format: 'binary',
          description:
            'format=geojson: a FeatureCollection in WGS84; each feature has properties istatCode and municipalityName; geometry null when the record has no point',
        },
      },
    },
  };
}
