import type { ExportFormat, Language } from '@trama/contracts';
import { neutraliseFormula } from './formula-injection';
import { LABELS, type LabelKey } from './labels';

export type { LabelKey };

/**
 * What a column holds decides how every flavour writes it (docs/i18n.md):
 *
 * | kind      | csv (programs)          | csv-it (Italian Excel)              | xlsx                               |
 * |-----------|-------------------------|-------------------------------------|------------------------------------|
 * | text      | text, formula-guarded   | text, formula-guarded               | string cell (never evaluated)      |
 * | code      | as is, formula-guarded  | as is, formula-guarded              | string cell                        |
 * | label     | the code(s)             | the label(s) in `lang`              | the label(s) in `lang`             |
 * | istat     | as is (`072029`)        | `="072029"` (Excel keeps the zero)  | string cell, text format `@`       |
 * | date      | 2026-12-06              | 06/12/2026                          | date cell, dd/mm/yyyy              |
 * | timestamp | ISO 8601 in UTC         | dd/mm/yyyy hh:mm in Europe/Rome     | date cell, Rome wall-clock time    |
 * | number    | 41.125                  | 41,125                              | number cell                        |
 *
 * A `label` or `code` column may hold a list (themes): joined with `; `.
 */
export type ColumnKind = 'text' | 'code' | 'label' | 'istat' | 'date' | 'timestamp' | 'number';

/** The vocabularies of `libs/contracts` that have labels in the catalogue (`vocab.<name>.<code>`). */
export type Vocabulary =
  | 'activityType'
  | 'activityStatus'
  | 'theme'
  | 'participantGroup'
  | 'organizationKind'
  | 'reuseStage'
  | 'buildingOwnership'
  | 'buildingCondition'
  | 'buildingCurrentUse'
  | 'buildingAccessibility'
  | 'buildingConstraint'
  | 'suitableUse'
  | 'assignmentInstrument'
  | 'targetGroup'
  | 'resource'
  | 'organizationSize'
  | 'initiativeStatus'
  | 'fundingSource'
  | 'indicatorProgress'
  | 'projectStatus'
  | 'projectProgramme';

export type CellValue = string | number | Date | readonly string[] | null | undefined;

interface ColumnBase<Row> {
  /** the plain CSV's header: a stable snake_case name for programs */
  key: string;
  /** the header of csv-it and xlsx: a catalogue key, so it reads as the screen does */
  header: LabelKey;
  /** xlsx column width, in characters */
  width: number;
  value: (row: Row) => CellValue;
}

export type ExportColumn<Row> = ColumnBase<Row> &
  ({ kind: 'label'; vocabulary: Vocabulary } | { kind: Exclude<ColumnKind, 'label'>; vocabulary?: never });

/** The cell-writing part of a column (what the formatters need; handy in tests). */
export type ColumnShape = { kind: ColumnKind; vocabulary?: Vocabulary };

const LIST_SEPARATOR = '; ';
/** An ISTAT code as the registers store it: digits only (6 for a municipality, 3 for a metropolitan city). */
const ISTAT = /^[0-9]{1,9}$/;

export function vocabularyLabel(language: Language, vocabulary: Vocabulary, code: string): string {
  const labels = LABELS[language] as Record<string, string>;
  // A code the catalogue does not know yet is written as it is, never as an empty cell.
  return labels[`vocab.${vocabulary}.${code}`] ?? code;
}

function listOf(value: CellValue): string[] {
  if (Array.isArray(value)) return value as string[];
  return [String(value)];
}

function isEmpty(value: CellValue): value is null | undefined {
  return value === null || value === undefined || (Array.isArray(value) && value.length === 0);
}

/** The Rome wall-clock time of an instant, as numbers. */
const ROME = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Rome',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

export function romeParts(instant: Date | string): { y: number; mo: number; d: number; h: number; mi: number } {
  const parts = Object.fromEntries(ROME.formatToParts(new Date(instant)).map((p) => [p.type, p.value]));
  return { y: Number(parts.year), mo: Number(parts.month), d: Number(parts.day), h: Number(parts.hour), mi: Number(parts.minute) };
}

export const two = (n: number) => String(n).padStart(2, '0');

function isoDate(value: CellValue): string {
  return value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
}

/** One CSV cell. `csv` is for programs (codes, ISO dates); `csv-it` is for people opening it in Italian Excel. */
export function csvCell(column: ColumnShape, value: CellValue, format: Exclude<ExportFormat, 'xlsx'>, language: Language = 'it'): string {
  if (isEmpty(value)) return '';
  switch (column.kind) {
    case 'text':
    case 'code':
      return neutraliseFormula(listOf(value).join(LIST_SEPARATOR));
    case 'label': {
      const codes = listOf(value);
      const shown = format === 'csv' ? codes : codes.map((code) => vocabularyLabel(language, column.vocabulary!, code));
      return neutraliseFormula(shown.join(LIST_SEPARATOR));
    }
    case 'istat': {
      const code = String(value);
      // Excel opening a CSV turns 072029 into the number 72029. `="072029"` is the one guard it
      // honours: a formula, but one we write ourselves around digits only (no function, no
      // reference, nothing a user typed), so it cannot carry an injection; anything else is text.
      if (format === 'csv-it' && ISTAT.test(code)) return `="${code}"`;
      return neutraliseFormula(code);
    }
    case 'date': {
      const text = isoDate(value);
      if (format === 'csv') return text;
      const [y, m, d] = text.split('-');
      return `${d}/${m}/${y}`;
    }
    case 'timestamp': {
      if (format === 'csv') return new Date(value as string | Date).toISOString();
      const p = romeParts(value as string | Date);
      return `${two(p.d)}/${two(p.mo)}/${p.y} ${two(p.h)}:${two(p.mi)}`;
    }
    case 'number':
      return format === 'csv' ? String(value) : String(value).replace('.', ',');
  }
}

/** One XLSX cell: real dates and numbers; every text a string cell (which Excel never evaluates). */
export function xlsxCell(column: ColumnShape, value: CellValue, language: Language = 'it'): string | number | Date | null {
  if (isEmpty(value)) return null;
  switch (column.kind) {
    case 'label':
      return listOf(value)
        .map((code) => vocabularyLabel(language, column.vocabulary!, code))
        .join(LIST_SEPARATOR);
    case 'text':
    case 'code':
    case 'istat':
      return listOf(value).join(LIST_SEPARATOR);
    case 'date': {
      // exceljs turns a Date into an Excel serial from its UTC fields
      const [y, m, d] = isoDate(value).split('-').map(Number);
      return new Date(Date.UTC(y, m - 1, d));
    }
    case 'timestamp': {
      const p = romeParts(value as string | Date);
      return new Date(Date.UTC(p.y, p.mo - 1, p.d, p.h, p.mi));
    }
    case 'number':
      return typeof value === 'number' ? value : Number(value);
  }
}

/** The xlsx number format of a column: text (`@`) for ISTAT codes, Italian-style dates. */
export function xlsxNumFmt(kind: ColumnKind): string | undefined {
  switch (kind) {
    case 'istat':
      return '@';
    case 'date':
      return 'dd/mm/yyyy';
    case 'timestamp':
      return 'dd/mm/yyyy hh:mm';
    default:
      return undefined;
  }
}

/** The header of a column in a flavour. */
export function headerOf(column: Pick<ColumnBase<never>, 'key' | 'header'>, format: ExportFormat, language: Language): string {
  return format === 'csv' ? column.key : LABELS[language][column.header];
}
