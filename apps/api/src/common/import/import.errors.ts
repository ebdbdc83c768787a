import { HttpStatus } from '@nestjs/common';
import { defineErrors } from '../errors/app-error';

/** Errors of the CSV imports (common/import, docs/imports.md); a row's problems are in the report, not here. */
export const ImportErrors = defineErrors({
  /** not a CSV this import reads: not UTF-8, no header row, an unknown or a missing column, unbalanced quotes */
  IMPORT_FILE_INVALID: { status: HttpStatus.BAD_REQUEST, message: 'The file is not a CSV this import can read' },
  IMPORT_FILE_TOO_LARGE: { status: HttpStatus.BAD_REQUEST, message: 'The file is too large to import' },
  IMPORT_TOO_MANY_ROWS: { status: HttpStatus.BAD_REQUEST, message: 'The file has too many rows to import at once' },
  IMPORT_EMPTY: { status: HttpStatus.BAD_REQUEST, message: 'The file has no rows to import' },
  /** the apply found rows to reject: nothing was written; `data.report` says which and why */
  IMPORT_REJECTED: { status: HttpStatus.BAD_REQUEST, message: 'Some rows cannot be imported: nothing was written' },
});
