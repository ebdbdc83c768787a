/**
 * CSV ("formula") injection: a spreadsheet opening a CSV runs a cell that starts with `=`, `+`,
 * `-` or `@` as a formula (`=HYPERLINK(…)`, `=cmd|…`), and a leading tab or carriage return can
 * hide such a start (OWASP, "CSV Injection"). Every text cell of every CSV export goes through
 * `neutraliseFormula`; numbers and dates are written by the export itself and are never touched.
 *
 * The text gets a leading `'`, which spreadsheets show as text and never run. Texts that already
 * start with apostrophes before one of those characters get one more, so the change can be undone
 * exactly by a program (`restoreFormula`): drop one `'` from a cell matching `^'+[=+\-@\t\r]`.
 * A text such as `'Nduja` (an apostrophe before a letter) is left as it is.
 */
const NEEDS_PREFIX = /^'*[=+\-@\t\r]/;

export function neutraliseFormula(text: string): string {
  return NEEDS_PREFIX.test(text) ? `'${text}` : text;
}

/** The original text of a cell written by `neutraliseFormula` (for programs reading our CSV). */
export function restoreFormula(cell: string): string {
  return /^'+[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
}
