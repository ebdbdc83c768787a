/* ---------- files (docs/files.md) ---------- */

/**
 * What the file store accepts, by detected content (magic bytes), never by name or the client's
 * Content-Type. Images are re-encoded (EXIF/GPS stripped) and get a thumbnail; the others are
 * stored as they came and always served as downloads.
 */
export const IMAGE_MIME_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export const DOCUMENT_MIME_TYPES = [
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
] as const;
export const FILE_MIME_TYPES = [...IMAGE_MIME_TYPES, ...DOCUMENT_MIME_TYPES] as const;
export type FileMimeType = (typeof FILE_MIME_TYPES)[number];
export const isImageMime = (mime: string): boolean => (IMAGE_MIME_TYPES as readonly string[]).includes(mime);

/** The `accept` of a file input for attachments (a hint to the picker: the server decides by content). */
export const ATTACHMENT_ACCEPT = 'image/jpeg,image/png,image/webp,application/pdf,.docx,.xlsx,.odt,.ods';
/** The `accept` of the logo's file input. */
export const LOGO_ACCEPT = 'image/jpeg,image/png,image/webp';

/** Attachments of one activity (not counting deleted ones). */
export const MAX_ATTACHMENTS_PER_ACTIVITY = 20;
/** A stored file name (sanitised original name), in characters. */
export const FILE_NAME_MAX_LENGTH = 200;
/** The longest side of a stored image, in pixels (larger photos are scaled down). */
export const IMAGE_MAX_SIDE = 2560;
/** The longest side of a thumbnail, in pixels. */
export const THUMBNAIL_SIDE = 320;
/** The longest side of a tenant's logo, in pixels. */
export const LOGO_MAX_SIDE = 256;
