import { once } from 'node:events';
import { PassThrough, Readable } from 'node:stream';
import type { ExportFormat } from '@trama/contracts';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { neutraliseFormula } from '../../common/export/formula-injection';
import type { ActivityRow } from './activities.repository';

/**
 * Export formats of the activity list (docs/activities.md):
 * - `csv`: RFC 4180 (comma, CRLF, quotes doubled, fields with separators/quotes/line breaks quoted),
 *   UTF-8 without BOM, English column keys, ISO dates, dot decimals: for programs.
 * - `csv-it`: what Excel in Italian opens by double-click: `;` separator, UTF-8 BOM, decimal comma,
 *   dates dd/mm/yyyy, times in Europe/Rome, Italian headers.
 *   In both CSVs, texts that a spreadsheet would run as formulas (starting with = + - @, tab or
 *   carriage return) are prefixed with `'` (`neutraliseFormula`, reversible by `restoreFormula`).
 * - `xlsx`: one sheet written row by row by exceljs's streaming WorkbookWriter; real dates and
 *   numbers; texts are string cells, which Excel never evaluates, so they are written as they are.
 */

type Kind = 'text' | 'int' | 'decimal' | 'date' | 'timestamp';
type Value = string | number | null;

export interface ExportColumn {
  key: string;
  /** header of `csv` */
  csv: string;
  /** header of `csv-it` and `xlsx` */
  it: string;
  kind: Kind;
  width: number;
  value: (row: ActivityRow) => Value;
}

const joined = (values: readonly string[]) => (values.length > 0 ? values.join('; ') : null);

const COLUMNS: ExportColumn[] = [
  { key: 'id', csv: 'id', it: 'ID', kind: 'text', width: 38, value: (r) => r.id },
  { key: 'date', csv: 'date', it: 'Data', kind: 'date', width: 12, value: (r) => r.date },
  { key: 'status', csv: 'status', it: 'Stato', kind: 'text', width: 11, value: (r) => r.status },
  { key: 'type', csv: 'type', it: 'Tipo', kind: 'text', width: 15, value: (r) => r.type },
  { key: 'title', csv: 'title', it: 'Titolo', kind: 'text', width: 40, value: (r) => r.title },
  { key: 'durationMinutes', csv: 'duration_minutes', it: 'Durata (minuti)', kind: 'int', width: 10, value: (r) => r.durationMinutes },
  {
    key: 'municipalityIstat',
    csv: 'municipality_istat',
    it: 'Codice ISTAT comune',
    kind: 'text',
    width: 10,
    value: (r) => r.municipalityIstat,
  },
  { key: 'municipality', csv: 'municipality', it: 'Comune', kind: 'text', width: 22, value: (r) => r.municipalityName },
  { key: 'socialAreaCode', csv: 'social_area_code', it: 'Codice ambito', kind: 'text', width: 16, value: (r) => r.socialAreaCode },
  { key: 'socialArea', csv: 'social_area', it: 'Ambito territoriale', kind: 'text', width: 26, value: (r) => r.socialAreaName },
  { key: 'author', csv: 'author', it: 'Autore', kind: 'text', width: 22, value: (r) => r.authorName },
  { key: 'participantsTotal', csv: 'participants_total', it: 'Partecipanti', kind: 'int', width: 10, value: (r) => r.participantsTotal },
  {
    key: 'participantsCitizens',
    csv: 'participants_citizens',
    it: 'di cui cittadini',
    kind: 'int',
    width: 10,
    value: (r) => r.participantsCitizens,
  },
  { key: 'participantsYouth', csv: 'participants_youth', it: 'di cui giovani', kind: 'int', width: 10, value: (r) => r.participantsYouth },
  {
    key: 'participantsFamilies',
    csv: 'participants_families',
    it: 'di cui famiglie',
    kind: 'int',
    width: 10,
    value: (r) => r.participantsFamilies,
  },
  { key: 'participantsEts', csv: 'participants_ets', it: 'di cui ETS', kind: 'int', width: 10, value: (r) => r.participantsEts },
  {
    key: 'participantsBusinesses',
    csv: 'participants_businesses',
    it: 'di cui imprese',
    kind: 'int',
    width: 10,
    value: (r) => r.participantsBusinesses,
  },
  {
    key: 'participantsPublicStaff',
    csv: 'participants_public_staff',
    it: 'di cui personale pubblico',
    kind: 'int',
    width: 10,
    value: (r) => r.participantsPublicStaff,
  },
  { key: 'themes', csv: 'themes', it: 'Temi', kind: 'text', width: 30, value: (r) => joined(r.themes) },
  {
    key: 'organizations',
    csv: 'organizations',
    it: 'Organizzazioni',
    kind: 'text',
    width: 40,
    value: (r) => joined(r.organizations.map((o) => o.name)),
  },
  { key: 'lat', csv: 'latitude', it: 'Latitudine', kind: 'decimal', width: 11, value: (r) => r.lat },
  { key: 'lon', csv: 'longitude', it: 'Longitudine', kind: 'decimal', width: 11, value: (r) => r.lon },
  { key: 'description', csv: 'description', it: 'Descrizione', kind: 'text', width: 50, value: (r) => r.description },
  { key: 'outcomes', csv: 'outcomes', it: 'Esiti', kind: 'text', width: 40, value: (r) => r.outcomes },
  { key: 'followUps', csv: 'follow_ups', it: 'Seguiti', kind: 'text', width: 40, value: (r) => r.followUps },
  { key: 'internalNotes', csv: 'internal_notes', it: 'Note interne', kind: 'text', width: 40, value: (r) => r.internalNotes ?? null },
  { key: 'reviewComment', csv: 'review_comment', it: 'Commento della revisione', kind: 'text', width: 40, value: (r) => r.reviewComment },
  { key: 'reviewer', csv: 'reviewer', it: 'Revisionata da', kind: 'text', width: 22, value: (r) => r.reviewerName },
  { key: 'submittedAt', csv: 'submitted_at', it: 'Inviata il', kind: 'timestamp', width: 17, value: (r) => iso(r.submittedAt) },
  { key: 'reviewedAt', csv: 'reviewed_at', it: 'Revisionata il', kind: 'timestamp', width: 17, value: (r) => iso(r.reviewedAt) },
  { key: 'updatedAt', csv: 'updated_at', it: 'Ultima modifica', kind: 'timestamp', width: 17, value: (r) => iso(r.updatedAt) },
];

function iso(value: Date | string | null): string | null {
  return value === null ? null : new Date(value).toISOString();
}

/** The columns for a reader; `internalNotes: false` (municipality users) drops the internal notes and the review. */
export function exportColumns(options: { internalNotes: boolean; review: boolean }): ExportColumn[] {
  return COLUMNS.filter(
    (c) => (options.internalNotes || c.key !== 'internalNotes') && (options.review || !['reviewComment', 'reviewer'].includes(c.key)),
  );
}

const ROME = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Rome',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** The wall-clock time in Rome of an instant, as numbers. */
function romeParts(isoInstant: string): { y: number; mo: number; d: number; h: number; mi: number } {
  const parts = Object.fromEntries(ROME.formatToParts(new Date(isoInstant)).map((p) => [p.type, p.value]));
  return { y: Number(parts.year), mo: Number(parts.month), d: Number(parts.day), h: Number(parts.hour), mi: Number(parts.minute) };
}

const two = (n: number) => String(n).padStart(2, '0');

export function csvCell(column: Pick<ExportColumn, 'kind'>, value: Value, format: 'csv' | 'csv-it'): string {
  if (value === null || value === undefined) return '';
  // Texts that a spreadsheet would run as formulas are neutralised in both CSV formats (common/export).
  if (column.kind === 'text') return neutraliseFormula(String(value));
  if (format === 'csv') return String(value);
  switch (column.kind) {
    case 'date': {
      const [y, m, d] = String(value).split('-');
      return `${d}/${m}/${y}`;
    }
    case 'timestamp': {
      const p = romeParts(String(value));
      return `${two(p.d)}/${two(p.mo)}/${p.y} ${two(p.h)}:${two(p.mi)}`;
    }
    case 'decimal':
      return String(value).replace('.', ',');
    default:
      return String(value);
  }
}

export function xlsxCell(column: Pick<ExportColumn, 'kind'>, value: Value): string | number | Date | null {
  if (value === null || value === undefined) return null;
  switch (column.kind) {
    case 'date': {
      // exceljs turns a Date into an Excel serial from its UTC fields
      const [y, m, d] = String(value).split('-').map(Number);
      return new Date(Date.UTC(y, m - 1, d));
    }
    case 'timestamp': {
      const p = romeParts(String(value));
      return new Date(Date.UTC(p.y, p.mo - 1, p.d, p.h, p.mi));
    }
    default:
      return value;
  }
}

/** CSV text, one chunk per batch of rows, produced only as fast as the consumer reads it. */
export function csvStream(batches: AsyncIterable<ActivityRow[]>, columns: ExportColumn[], format: 'csv' | 'csv-it'): Readable {
  const options = {
    delimiter: format === 'csv-it' ? ';' : ',',
    record_delimiter: 'windows' as const,
    // RFC 4180: a field holding a line break is quoted, whatever the record delimiter
    quoted_match: /[\r\n]/,
  };
  async function* chunks(): AsyncGenerator<string> {
    const header = stringify([columns.map((c) => (format === 'csv' ? c.csv : c.it))], options);
    yield format === 'csv-it' ? `\uFEFF${header}` : header;
    for await (const rows of batches) {
      yield stringify(
        rows.map((row) => columns.map((c) => csvCell(c, c.value(row), format))),
        options,
      );
    }
  }
  return Readable.from(chunks(), { objectMode: false, highWaterMark: 64 * 1024 });
}

async function drained(stream: NodeJS.WritableStream & { writableNeedDrain?: boolean; destroyed?: boolean }): Promise<void> {
  if (!stream.writableNeedDrain || stream.destroyed) return;
  await Promise.race([once(stream, 'drain'), once(stream, 'close')]);
}

/** Excel's limit is 1,048,576 rows per sheet: the header and 1,048,575 activities. */
export const XLSX_ROWS_PER_SHEET = 1_048_575;

/**
 * An XLSX workbook streamed as it is written: rows are committed to the sheet as each batch
 * arrives, and the next batch is only fetched once the zip output has been taken by the consumer.
 * Past Excel's row limit the rows go on in a new sheet ("Attività 2", …), each with its header.
 */
export function xlsxStream(batches: AsyncIterable<ActivityRow[]>, columns: ExportColumn[], rowsPerSheet = XLSX_ROWS_PER_SHEET): Readable {
  const out = new PassThrough({ highWaterMark: 256 * 1024 });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  workbook.creator = 'Trama';
  const addSheet = (n: number) => {
    const sheet = workbook.addWorksheet(n === 1 ? 'Attività' : `Attività ${n}`, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = columns.map((c) => ({
      header: c.it,
      key: c.key,
      width: c.width,
      style: c.kind === 'date' ? { numFmt: 'dd/mm/yyyy' } : c.kind === 'timestamp' ? { numFmt: 'dd/mm/yyyy hh:mm' } : {},
    }));
    sheet.getRow(1).font = { bold: true };
    return sheet;
  };
  const write = async () => {
    let sheets = 1;
    let sheet = addSheet(sheets);
    let rowsInSheet = 0;
    for await (const rows of batches) {
      if (out.destroyed) return; // the client went away: leaving the loop closes the cursor
      for (const row of rows) {
        if (rowsInSheet === rowsPerSheet) {
          sheet.commit();
          sheet = addSheet(++sheets);
          rowsInSheet = 0;
        }
        sheet.addRow(columns.map((c) => xlsxCell(c, c.value(row)))).commit();
        rowsInSheet += 1;
      }
      // let the zip compress what was committed, and wait while the consumer is behind
      await new Promise((resolve) => setImmediate(resolve));
      await drained(out);
    }
    sheet.commit();
    await workbook.commit();
  };
  write().catch((error: unknown) => out.destroy(error instanceof Error ? error : new Error(String(error))));
  return out;
}

export function exportStream(format: ExportFormat, batches: AsyncIterable<ActivityRow[]>, columns: ExportColumn[]): Readable {
  return format === 'xlsx' ? xlsxStream(batches, columns) : csvStream(batches, columns, format);
}

export const EXPORT_CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8; header=present',
  'csv-it': 'text/csv; charset=utf-8; header=present',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** e.g. `attivita-2026-11-24.csv`, `attivita-2026-11-24.xlsx` (the date of the export, in Rome). */
export function exportFilename(format: ExportFormat, now = new Date()): string {
  const p = romeParts(now.toISOString());
  return `attivita-${p.y}-${two(p.mo)}-${two(p.d)}.${format === 'xlsx' ? 'xlsx' : 'csv'}`;
}
