import type { ExportColumn } from '../../common/export/columns';
import type { ExportSpec } from '../../common/export/export-file';
import type { RankedRow } from './reuse.repository';

/** A ranked building as a row of the export: its score's parts in words, in the export's language. */
export type ReuseExportRow = RankedRow & { explanation: string };

const COLUMNS: ExportColumn<ReuseExportRow>[] = [
  { key: 'id', header: 'exports.columns.id', kind: 'code', width: 38, value: (r) => r.id },
  { key: 'name', header: 'buildings.fields.name', kind: 'text', width: 40, value: (r) => r.name },
  { key: 'score', header: 'reuse.fields.score', kind: 'number', width: 10, value: (r) => r.score },
  { key: 'municipality_istat', header: 'exports.columns.municipalityIstat', kind: 'istat', width: 10, value: (r) => r.municipalityIstat },
  { key: 'municipality', header: 'buildings.fields.municipality', kind: 'text', width: 22, value: (r) => r.municipalityName },
  { key: 'social_area_code', header: 'exports.columns.socialAreaCode', kind: 'code', width: 16, value: (r) => r.socialAreaCode },
  { key: 'stage', header: 'buildings.fields.stage', kind: 'label', vocabulary: 'reuseStage', width: 16, value: (r) => r.stage },
  { key: 'explanation', header: 'reuse.fields.explanation', kind: 'text', width: 80, value: (r) => r.explanation },
];

/** The ranking as a file (csv, csv-it, xlsx; common/export), best first. */
export const reuseExport: ExportSpec<ReuseExportRow> = { file: 'exports.files.reuse', sheet: 'reuse.title', columns: COLUMNS };
