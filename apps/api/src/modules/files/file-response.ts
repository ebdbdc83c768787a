import { StreamableFile } from '@nestjs/common';
import type { Response } from 'express';
import { contentDisposition } from './file-content';
import type { OpenedFile } from './files.service';

/**
 * Sends a stored file: its type as detected at upload (never guessed again), the sanitised name,
 * images inline and everything else as a download, no sniffing, a CSP that lets the response run
 * nothing even if opened directly, private caching only (it was served after an access check).
 */
export function fileResponse(res: Response, file: OpenedFile): StreamableFile {
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader(
    'Content-Security-Policy',
    "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox; frame-ancestors 'none'",
  );
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
  res.setHeader('Cache-Control', 'private, max-age=300');
  res.setHeader('ETag', `"${file.sha256}"`);
  return new StreamableFile(file.stream, {
    type: file.mime,
    length: file.size,
    disposition: contentDisposition(file.inline ? 'inline' : 'attachment', file.name),
  });
}
