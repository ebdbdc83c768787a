/** The longest side of a photo queued in the outbox (the server re-encodes it anyway: docs/files.md). */
export const OUTBOX_PHOTO_MAX_SIDE = 2048;

/** The size an image of `width` × `height` is drawn at so that its longest side is at most `max`. */
export function fitWithin(width: number, height: number, max = OUTBOX_PHOTO_MAX_SIDE): { width: number; height: number } {
  const scale = Math.min(1, max / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/**
 * A photo made small on the device before it is queued (a phone's 12 MP JPEG is 3–6 MB; at 2048 px
 * about 0.5 MB): decoded with `createImageBitmap` (which applies the EXIF orientation), drawn on a
 * canvas, encoded as JPEG. Where the browser cannot (no createImageBitmap or canvas), the file is kept
 * as it is: the server's limit (10 MB) still applies.
 */
export async function resizePhoto(file: Blob, max = OUTBOX_PHOTO_MAX_SIDE): Promise<Blob> {
  if (typeof createImageBitmap !== 'function' || typeof document === 'undefined') return file;
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch {
    return file;
  }
  try {
    const size = fitWithin(bitmap.width, bitmap.height, max);
    const canvas = document.createElement('canvas');
    canvas.width = size.width;
    canvas.height = size.height;
    const context = canvas.getContext('2d');
    if (!context) return file;
    context.drawImage(bitmap, 0, 0, size.width, size.height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.85));
    return blob ?? file;
  } finally {
    bitmap.close();
  }
}
