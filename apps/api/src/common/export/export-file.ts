import { once } from 'node:events';
import { PassThrough, Readable } from 'node:stream';
import { StreamableFile } from '@nestjs/common';
import type { ExportFormat, Language } from '@trama/contracts';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { csvCell, type ExportColumn, headerOf, romeParts, two, xlsxCell, xlsxNumFmt } from './columns';
import { LABELS, type LabelKey } from './labels';

/**
 * The one way an export is written (docs/i18n.md). A feature declares an `ExportSpec` (its columns,
 * each with a kind, and the catalogue keys of its file and sheet names) and streams its rows in
 * batches; `exportFile` writes them in the flavour asked for, in the user's language:
 * - `csv`: RFC 4180 (comma, CRLF, quotes doubled, fields with separators/quotes/line breaks
 *   quoted), UTF-8 without BOM, snake_case headers, codes and ISO dates: for programs, the same in
 *   every language.
 * - `csv-it`: what Excel in Italian opens by double-click: `;`, UTF-8 BOM, decimal comma,
 *   dd/mm/yyyy, Rome time, the catalogue's headers and labels, ISTAT codes kept as text.
 * - `xlsx`: streamed by exceljs's WorkbookWriter; real dates and numbers, string cells for texts
 *   (ISTAT codes with the text format `@`), a frozen bold header row and an autofilter on every
 *   sheet; past Excel's row limit the rows go on in a new sheet with its header.
 * In both CSVs a text a spreadsheet would run as a formula gets a leading `'` (formula-injection.ts).
 */
export interface ExportSpec<Row> {
  /** catalogue key of the file name's base (`exports.files.activities`: attivita / activities) */
  file: LabelKey;
  /** catalogue key of the sheet name (`activities.title`: Attività / Activities) */
  sheet: LabelKey;
  columns: readonly ExportColumn<Row>[];
}

export interface ExportRequest {
  format: ExportFormat;
  language: Language;
}

export interface ExportedFile {
  stream: Readable;
  contentType: string;
  filename: string;
}

export const EXPORT_CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8; header=present',
  'csv-it': 'text/csv; charset=utf-8; header=present',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** Each flavour under its own name: `attivita-2026-12-06.csv`, `attivita-2026-12-06-excel-it.csv`, `attivita-2026-12-06.xlsx` (the day in Rome). */
export function exportFilename(spec: Pick<ExportSpec<unknown>, 'file'>, request: ExportRequest, now = new Date()): string {
  const p = romeParts(now);
  const base = `${LABELS[request.language][spec.file]}-${p.y}-${two(p.mo)}-${two(p.d)}`;
  switch (request.format) {
    case 'csv':
      return `${base}.csv`;
    case 'csv-it':
      return `${base}-excel-it.csv`;
    case 'xlsx':
      return `${base}.xlsx`;
  }
}

/** The rows as a file in the flavour and language asked for, produced only as fast as the client reads it. */
export function exportFile<Row>(
  spec: ExportSpec<Row>,
  request: ExportRequest,
  batches: AsyncIterable<Row[]>,
  now = new Date(),
): ExportedFile {
  const stream =
    request.format === 'xlsx'
      ? xlsxStream(spec, request.language, batches)
      : csvStream(spec.columns, request.format, request.language, batches);
  return { stream, contentType: EXPORT_CONTENT_TYPES[request.format], filename: exportFilename(spec, request, now) };
}

/** A controller's answer for an exported file (the name is ASCII by construction: catalogue bases and a date). */
export function exportDownload(file: ExportedFile): StreamableFile {
  return new StreamableFile(file.stream, { type: file.contentType, disposition: `attachment; filename="${file.filename}"` });
}

/** CSV text, one chunk per batch of rows. */
export function csvStream<Row>(
  columns: readonly ExportColumn<Row>[],
  format: Exclude<ExportFormat, 'xlsx'>,
  language: Language,
  batches: AsyncIterable<Row[]>,
): Readable {
  const options = {
    delimiter: format === 'csv-it' ? ';' : ',',
    record_delimiter: 'windows' as const,
    // RFC 4180: a field holding a line break is quoted, whatever the record delimiter
    quoted_match: /[\r\n]/,
  };
  async function* chunks(): AsyncGenerator<string> {
    const header = stringify([columns.map((c) => headerOf(c, format, language))], options);
    yield format === 'csv-it' ? `\uFEFF${header}` : header;
    for await (const rows of batches) {
      yield stringify(
        rows.map((row) => columns.map((c) => csvCell(c, c.value(row), format, language))),
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

/** Excel's limit is 1,048,576 rows per sheet: the header and 1,048,575 rows. */
export const XLSX_ROWS_PER_SHEET = 1_048_575;

/**
 * An XLSX workbook streamed as it is written: rows are committed to the sheet as each batch
 * arrives, and the next batch is only fetched once the zip output has been taken by the consumer.
 */
export function xlsxStream<Row>(
  spec: ExportSpec<Row>,
  language: Language,
  batches: AsyncIterable<Row[]>,
  rowsPerSheet = XLSX_ROWS_PER_SHEET,
): Readable {
  const out = new PassThrough({ highWaterMark: 256 * 1024 });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  workbook.creator = 'Trama';
  const { columns } = spec;
  const sheetName = LABELS[language][spec.sheet];
  const addSheet = (n: number) => {
    const sheet = workbook.addWorksheet(n === 1 ? sheetName : `${sheetName} ${n}`, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = columns.map((c) => {
      const numFmt = xlsxNumFmt(c.kind);
      return { header: headerOf(c, 'xlsx', language), key: c.key, width: c.width, style: numFmt ? { numFmt } : {} };
    });
    sheet.getRow(1).font = { bold: true };
    return sheet;
  };
  /** The filter buttons on the header, over every row written (the range must be known before the sheet is committed). */
  const close = (sheet: ExcelJS.Worksheet, rows: number) => {
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: rows + 1, column: columns.length } };
    sheet.commit();
  };
  const write = async () => {
    let sheets = 1;
    let sheet = addSheet(sheets);
    let rowsInSheet = 0;
    for await (const rows of batches) {
      if (out.destroyed) return; // the client went away: leaving the loop closes the cursor
      for (const row of rows) {
        if (rowsInSheet === rowsPerSheet) {
          close(sheet, rowsInSheet);
          sheet = addSheet(++sheets);
          rowsInSheet = 0;
        }
        sheet.addRow(columns.map((c) => xlsxCell(c, c.value(row), language))).commit();
        rowsInSheet += 1;
      }
      // let the zip compress what was committed, and wait while the consumer is behind
      await new Promise((resolve) => setImmediate(resolve));
      await drained(out);
    }
    close(sheet, rowsInSheet);
    await workbook.commit();
  };
  write().catch((error: unknown) => out.destroy(error instanceof Error ? error : new Error(String(error))));
  return out;
}
