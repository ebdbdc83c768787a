import { type ArgumentMetadata } from '@nestjs/common';
import { IMPORT_MAX_BYTES, IMPORT_MAX_ROWS, type Language } from '@trama/contracts';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { AppError, type FieldProblem } from '../errors/app-error';
import { createValidationPipe } from '../http/validation';
import { ImportErrors } from './import.errors';

/**
 * # CSV imports (docs/imports.md)
 *
 * The generic half of a register's import: read the file (UTF-8 with or without BOM, `,` or `;`
 * detected from the header row, RFC 4180 quoting), map its headers to fields (Italian headers of
 * the template, the English ones, or the snake_case names of the plain CSV export; case, accents
 * and punctuation ignored), validate each row with the register's create DTO, and write the
 * row-by-row report. The register supplies its columns, how a row becomes a request body, and how
 * a row is matched, checked and written (`organizations.import.ts` is the example).
 */

/** One column of a register's template. */
export interface ImportColumn {
  /** the field of the row object (and of the DTO, unless `toBody` renames it) */
  field: string;
  /** the template's header in each language */
  header: Record<Language, string>;
  /** other accepted headers (the export's snake_case key, older names) */
  aliases?: string[];
  required?: boolean;
  /** what to write, in each language, in the template's notes */
  help: Record<Language, string>;
  /** an example value for the template's sample row */
  example: string;
}

export type ImportAction = 'create' | 'update' | 'reject';

export interface ImportProblem {
  /** the row object's field (the template's column), or `row` for the row as a whole */
  field: string;
  /** a FIELD_ERROR_CODES code or a domain error code (the web shows its text) */
  code: string;
  params?: Record<string, number | string>;
}

export interface ImportReportRow {
  /** the line of the file (the header is line 1) */
  row: number;
  action: ImportAction;
  /** the record updated, or (after an apply) created */
  id?: string;
  errors: ImportProblem[];
}

export interface ImportReport {
  dryRun: boolean;
  /** true once written (an apply with no rejected row) */
  applied: boolean;
  counts: Record<ImportAction, number>;
  rows: ImportReportRow[];
}

export interface CsvRows {
  /** the file's headers mapped to fields, in file order */
  fields: string[];
  /** each data row as field → text (trimmed; empty cells are absent) and its line number */
  rows: { line: number; values: Record<string, string> }[];
}

/** Lower case, no accents, any run of non-letters/digits as one space: how headers are compared. */
export function normalizeHeader(header: string): string {
  return header
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** `;` when the header row has more semicolons than commas outside quotes (what Excel in Italian writes), else `,`. */
export function detectDelimiter(text: string): ',' | ';' {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && ch === ',') commas++;
    else if (!quoted && ch === ';') semicolons++;
  }
  return semicolons > commas ? ';' : ',';
}

const invalid = (why: string, details?: FieldProblem[]) =>
  ImportErrors.IMPORT_FILE_INVALID(`The file is not a CSV this import can read: ${why}`, details);

/**
 * Reads an uploaded CSV into rows of fields. Refuses (400, nothing read further) a file over
 * `maxBytes`, not UTF-8, without a header row, with a header that is no column of `columns` or
 * without a required column, with more than `maxRows` data rows, or with none.
 */
export function readCsv(bytes: Buffer, columns: readonly ImportColumn[], limits: { maxBytes?: number; maxRows?: number } = {}): CsvRows {
  const maxBytes = limits.maxBytes ?? IMPORT_MAX_BYTES;
  const maxRows = limits.maxRows ?? IMPORT_MAX_ROWS;
  if (bytes.length > maxBytes) {
    throw ImportErrors.IMPORT_FILE_TOO_LARGE(`The file is larger than the limit of ${maxBytes} bytes`, [
      { field: 'file', messages: [`at most ${maxBytes} bytes`], codes: ['IMPORT_FILE_TOO_LARGE'], params: { max: maxBytes } },
    ]);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw invalid('it is not UTF-8 text (save it as "CSV UTF-8")');
  }
  if (text.includes('\u0000')) throw invalid('it holds binary data');
  const delimiter = detectDelimiter(text);
  let parsed: { record: string[]; info: { lines: number } }[];
  try {
    parsed = parse(text, {
      delimiter,
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
      info: true,
      // one more than allowed, so that "too many" is told apart from "exactly the limit"
      to_line: maxRows + 2,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    throw invalid(error instanceof Error ? error.message.slice(0, 200) : 'unreadable');
  }
  const records = parsed.map((p) => p.record);
  if (records.length === 0) throw invalid('it has no header row');
  const byHeader = new Map<string, string>();
  for (const c of columns) {
    for (const h of [c.header.it, c.header.en, c.field, ...(c.aliases ?? [])]) byHeader.set(normalizeHeader(h), c.field);
  }
  const [header, ...data] = records;
  const problems: FieldProblem[] = [];
  const fields = header.map((h, i) => {
    const field = byHeader.get(normalizeHeader(h));
    if (!field)
      problems.push({
        field: 'file',
        messages: [`column ${i + 1} "${h.slice(0, 80)}" is not a column of the template`],
        codes: ['IMPORT_UNKNOWN_COLUMN'],
      });
    return field ?? '';
  });
  const seen = new Set<string>();
  for (const f of fields) {
    if (f && seen.has(f))
      problems.push({ field: 'file', messages: [`the column of ${f} appears twice`], codes: ['IMPORT_DUPLICATE_COLUMN'] });
    seen.add(f);
  }
  for (const c of columns) {
    if (c.required && !seen.has(c.field)) {
      problems.push({ field: 'file', messages: [`the column "${c.header.it}" is missing`], codes: ['IMPORT_MISSING_COLUMN'] });
    }
  }
  if (problems.length > 0) throw invalid(problems.map((p) => p.messages.join('; ')).join('; '), problems);
  if (data.length > maxRows) {
    throw ImportErrors.IMPORT_TOO_MANY_ROWS(`At most ${maxRows} rows can be imported at once`, [
      { field: 'file', messages: [`at most ${maxRows} rows`], codes: ['IMPORT_TOO_MANY_ROWS'], params: { max: maxRows } },
    ]);
  }
  if (data.length === 0) throw ImportErrors.IMPORT_EMPTY();
  // csv-parse skips empty lines: the line of each record comes from its own info (its last line)
  const lines = parsed.map((p) => p.info.lines);
  const rows = data.map((cells, i) => {
    const values: Record<string, string> = {};
    cells.forEach((cell, j) => {
      if (j < fields.length && fields[j] && cell !== '') values[fields[j]] = cell;
    });
    return { line: lines[i + 1] ?? i + 2, values };
  });
  return { fields: fields.filter(Boolean), rows };
}

const pipe = createValidationPipe();

/**
 * Validates a row's request body with the register's DTO (the same rules, transforms and messages
 * as the API's), as the global pipe does: the DTO instance, or the problems by field.
 */
export async function validateRow<T>(
  dto: new () => T,
  body: Record<string, unknown>,
  fieldOf: (dtoField: string) => string = (f) => f.split('.')[0],
): Promise<{ value: T } | { errors: ImportProblem[] }> {
  try {
    const value = (await pipe.transform(body, { type: 'body', metatype: dto } as ArgumentMetadata)) as T;
    return { value };
  } catch (error) {
    if (!(error instanceof AppError) || !error.details) throw error;
    return { errors: problemsOf(error.details, fieldOf) };
  }
}

/** An AppError's field problems as report problems (one per code). */
export function problemsOf(
  details: readonly FieldProblem[],
  fieldOf: (dtoField: string) => string = (f) => f.split('.')[0],
): ImportProblem[] {
  return details.flatMap((d) =>
    (d.codes ?? ['INVALID']).map((code) => ({ field: fieldOf(d.field), code, ...(d.params ? { params: d.params } : {}) })),
  );
}

/** A report from its rows. */
export function reportOf(rows: ImportReportRow[], dryRun: boolean, applied: boolean): ImportReport {
  const counts: Record<ImportAction, number> = { create: 0, update: 0, reject: 0 };
  for (const r of rows) counts[r.action]++;
  return { dryRun, applied, counts, rows };
}

/** A list cell (`a; b`, `a, b` or `a|b`) as its items. */
export function listCell(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  return value
    .split(/[;,|]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** A yes/no cell: sì/si/yes/true/1/x and no/false/0; anything else is returned as is for the DTO to refuse. */
export function booleanCell(value: string | undefined): boolean | string | undefined {
  if (value === undefined) return undefined;
  const v = normalizeHeader(value);
  if (['si', 'yes', 'true', '1', 'x', 'vero'].includes(v)) return true;
  if (['no', 'false', '0', 'falso'].includes(v)) return false;
  return value;
}

/** A decimal cell with a point or an Italian comma (`41,1171`); anything else is returned as is for the DTO to refuse. */
export function numberCell(value: string | undefined): number | string | undefined {
  if (value === undefined) return undefined;
  const normalized = value.replace(',', '.');
  return /^-?[0-9]+(\.[0-9]+)?$/.test(normalized) ? Number(normalized) : value;
}

/**
 * The template: a header row in `language`, one example row, as CSV for Excel in Italian (`;`,
 * BOM) when `language` is Italian and plain CSV otherwise. The notes on each column are in
 * docs/imports.md and `templateNotes`.
 */
export function templateCsv(columns: readonly ImportColumn[], language: Language): string {
  const delimiter = language === 'it' ? ';' : ',';
  const body = stringify([columns.map((c) => c.header[language]), columns.map((c) => c.example)], {
    delimiter,
    record_delimiter: 'windows',
  });
  return language === 'it' ? `\uFEFF${body}` : body;
}
