import { exportResponse } from '../../../common/export/export-query';

/**
 * GET /api/activities/export: the file, streamed. Its size follows the filters (every matching
 * activity, no page), so the document gives no length; the media type follows `format`.
 */
export const ACTIVITY_EXPORT_RESPONSE = exportResponse(
  'exports.files.activities',
  'The filtered activities as a file: one row per activity, columns in the order of the list',
);
