import type { ApiResponseNoStatusOptions } from '@nestjs/swagger';

/**
 * GET /api/activities/export: the file, streamed. Its size follows the filters (every matching
 * activity, no page), so the document gives no length; the media type follows `format`.
 */
export const ACTIVITY_EXPORT_RESPONSE: ApiResponseNoStatusOptions = {
  description: 'The filtered activities as a file: one row per activity, columns in the order of the list',
  headers: {
    'Content-Disposition': {
      description: 'attachment; filename="attivita-YYYY-MM-DD.csv|xlsx" (the date of the export, in Rome)',
      schema: { type: 'string', pattern: '^attachment; filename="attivita-[0-9]{4}-[0-9]{2}-[0-9]{2}\\.(csv|xlsx)"$', maxLength: 64 },
    },
  },
  content: {
    'text/csv': {
      schema: {
        type: 'string',
        format: 'binary',
        description:
          'format=csv: RFC 4180, UTF-8, comma-separated, CRLF; format=csv-it: for Excel in Italian (semicolon-separated, UTF-8 BOM, decimal comma, dd/mm/yyyy). Always with a header row.',
      },
    },
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
      schema: {
        type: 'string',
        format: 'binary',
        description: 'format=xlsx: one sheet per 1,048,575 activities, each with the header row',
      },
    },
  },
};
