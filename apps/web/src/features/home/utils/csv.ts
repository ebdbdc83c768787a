/** Hands a file to the browser, which saves it. */
export function saveFile(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

function cell(value: string | number | null | undefined): string {
  const text = value === null || value === undefined ? '' : String(value);
  // quoted when needed (RFC 4180); a leading =, +, - or @ is neutralised so a spreadsheet never runs it as a formula
  const safe = /^[=+\-@\t\r]/.test(text) && typeof value !== 'number' ? `'${text}` : text;
  return /[",;\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * A table of the page as CSV text: comma-separated, CRLF line ends, with a BOM so that spreadsheets
 * read UTF-8 (the registers' own exports, GET /api/<register>/export, hold the full records).
 */
export function tableCsv(header: string[], rows: (string | number | null | undefined)[][]): string {
  return `\uFEFF${[header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}

/** Saves a page table as a CSV file. */
export function saveTableCsv(name: string, header: string[], rows: (string | number | null | undefined)[][]): void {
  saveFile(new Blob([tableCsv(header, rows)], { type: 'text/csv;charset=utf-8' }), name);
}
