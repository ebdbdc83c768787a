import { Readable } from 'node:stream';
import type { Language } from '@trama/contracts';
import { exportFilename, type ExportedFile } from './export-file';
import type { LabelKey } from './labels';

/**
 * A register's export as GeoJSON (RFC 7946): one FeatureCollection in WGS84 (lon, lat), streamed
 * one batch of rows at a time, so that the API's memory stays flat whatever the size. Every feature
 * carries `istatCode` and `municipalityName` of its municipality; a record without a point is a
 * feature with `geometry: null` (RFC 7946 §3.2: an unlocated feature). The properties are the
 * feature's own (codes, not labels: GeoJSON is for programs), so `lang` only names the file.
 */
export interface GeoJsonSpec<Row> {
  /** catalogue key of the file name's base */
  file: LabelKey;
  /** the point of a row, or null */
  point: (row: Row) => { lat: number; lon: number } | null;
  /** the feature's properties; istatCode and municipalityName are required */
  properties: (row: Row) => { id: string; istatCode: string; municipalityName: string } & Record<string, unknown>;
}

export const GEOJSON_CONTENT_TYPE = 'application/geo+json; charset=utf-8';

/** The feature of one row (coordinates as stored: WGS84 degrees). */
export function geojsonFeature<Row>(spec: GeoJsonSpec<Row>, row: Row): object {
  const point = spec.point(row);
  const properties = spec.properties(row);
  return {
    type: 'Feature',
    id: properties.id,
    geometry: point ? { type: 'Point', coordinates: [point.lon, point.lat] } : null,
    properties,
  };
}

/** The FeatureCollection's text, one chunk per batch, produced only as fast as the client reads it. */
export function geojsonStream<Row>(spec: GeoJsonSpec<Row>, batches: AsyncIterable<Row[]>): Readable {
  async function* chunks(): AsyncGenerator<string> {
    yield '{"type":"FeatureCollection","features":[';
    let first = true;
    for await (const rows of batches) {
      if (rows.length === 0) continue;
      const text = rows.map((row) => JSON.stringify(geojsonFeature(spec, row))).join(',');
      yield first ? text : `,${text}`;
      first = false;
    }
    yield ']}\n';
  }
  return Readable.from(chunks(), { objectMode: false, highWaterMark: 64 * 1024 });
}

/** The export as a GeoJSON file: `iniziative-2026-12-06.geojson` (the day in Rome, the base in `language`). */
export function geojsonFile<Row>(
  spec: GeoJsonSpec<Row>,
  language: Language,
  batches: AsyncIterable<Row[]>,
  now = new Date(),
): ExportedFile {
  const csvName = exportFilename({ file: spec.file }, { format: 'csv', language }, now);
  return { stream: geojsonStream(spec, batches), contentType: GEOJSON_CONTENT_TYPE, filename: csvName.replace(/\.csv$/, '.geojson') };
}
