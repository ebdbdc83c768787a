import { HttpStatus } from '@nestjs/common';
import { defineErrors } from '../../common/errors/app-error';

/** Error codes of the file store (docs/files.md). Bad uploads are 400s with a code, never a 413 or a 500. */
export const FileErrors = defineErrors({
  /** unknown, deleted, another owner's, or the owner is out of the caller's scope: the same answer */
  FILE_NOT_FOUND: { status: HttpStatus.NOT_FOUND, message: 'File not found' },
  /** the request is not multipart/form-data with one file in the field `file` (and nothing else) */
  FILE_MISSING: { status: HttpStatus.BAD_REQUEST, message: 'Send one file, as multipart/form-data in the field "file"' },
  /** over TRAMA_FILE_MAX_BYTES; the message names the limit */
  FILE_TOO_LARGE: { status: HttpStatus.BAD_REQUEST, message: 'The file is too large' },
  /** the content (magic bytes) is not one of the accepted types, whatever its name says */
  FILE_TYPE_NOT_ALLOWED: { status: HttpStatus.BAD_REQUEST, message: 'This type of file is not accepted' },
  /** it looks like an accepted image but cannot be decoded (truncated, corrupt, too many pixels) */
  FILE_UNREADABLE: { status: HttpStatus.BAD_REQUEST, message: 'The file cannot be read: it may be damaged' },
  /** the owner already has as many files as allowed */
  FILE_LIMIT_REACHED: { status: HttpStatus.CONFLICT, message: 'No more files can be added here' },
});
