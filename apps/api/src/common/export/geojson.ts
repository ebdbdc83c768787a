import { Readable } from 'node:stream';
import type { Language, RegisterExportFormat } from '@trama/contracts';
import { romeParts, two } from './columns';
import { exportFile, type ExportedFile, type ExportSpec } from './export-file';
import { LABELS } from './labels';

/**
 * GeoJSON exports of the registers (RFC 7946: WGS84 longitude, latitude): a FeatureCollection
 * written one batch at a time, so memory stays flat whatever the size. Every feature carries the
 * record's `id` (also as `properties.id`), `istatCode` and `municipalityName`; a record without a
 * point is a feature with `geometry: null` (the format allows it), so the file lists what the list lists.
 */
export interface GeoJsonSpec<Row> {
  id: (row: Row) => string;
  point: (row: Row) => { lat: number; lon: number } | null;
  istatCode: (row: Row) => string;
  municipalityName: (row: Row) => string;
  /** the other properties, by the plain CSV's column keys */
  properties: (row: Row) => Record<string, unknown>;
}

export function geoJsonFeature<Row>(spec: GeoJsonSpec<Row>, row: Row): Record<string, unknown> {
  const point = spec.point(row);
  const id = spec.id(row);
  return {
    type: 'Feature',
    id,
    geometry: point ? { type: 'Point', coordinates: [point.lon, point.lat] } : null,
    properties: { id, istatCode: spec.istatCode(row), municipalityName: spec.municipalityName(row), ...spec.properties(row) },
  };
}

/** The features as a FeatureCollection text stream, one chunk per batch. */
export function geoJsonStream<Row>(spec: GeoJsonSpec<Row>, batches: AsyncIterable<Row[]>): Readable {
  async function* chunks(): AsyncGenerator<string> {
    yield '{"type":"FeatureCollection","features":[';
    let first = true;
    for await (const rows of batches) {
      if (rows.length === 0) continue;
      const text = rows.map((row) => JSON.stringify(geoJsonFeature(spec, row))).join(',');
      yield first ? text : `,${text}`;
      first = false;
    }
    yield ']}\n';
  }
  return Readable.from(chunks(), { objectMode: false, highWaterMark: 64 * 1024 });
}

/** A register's export in any of its formats: the tabular ones through `exportFile`, GeoJSON here. */
export function exportRegisterFile<Row>(
  spec: ExportSpec<Row>,
  geo: GeoJsonSpec<Row>,
  request: { format: RegisterExportFormat; language: Language },
  batches: AsyncIterable<Row[]>,
  now = new Date(),
): ExportedFile {
  if (request.format !== 'geojson') return exportFile(spec, { format: request.format, language: request.language }, batches, now);
  const p = romeParts(now);
  return {
    stream: geoJsonStream(geo, batches),
    contentType: 'application/geo+json; charset=utf-8',
    filename: `${LABELS[request.language][spec.file]}-${p.y}-${two(p.mo)}-${two(p.d)}.geojson`,
  };
}
