import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { NextFunction, Request, Response } from 'express';

/** Smaller answers go as they are: the frame and the header would eat most of the gain. */
export const MIN_COMPRESSED_JSON_BYTES = 1024;

/**
 * Compresses the API's JSON answers (lists, the map's boundaries) for browsers that accept brotli or
 * gzip. Only what goes through `res.json` is touched: file downloads (exports, attachments) are sent
 * otherwise and keep their own encoding — an XLSX or a JPEG is already compressed.
 *
 * BREACH needs a secret and attacker-chosen text in one compressed body, fetched cross-site with the
 * victim's ambient credentials. API answers are authorised by a bearer token, which another site
 * cannot make the browser send; the one cookie (the refresh token, SameSite=Strict) works only
 * under /api/auth, whose answers carry tokens and are never compressed here.
 *
 * Brotli at quality 4 (about gzip's speed, smaller output), gzip at its default level: a 1 MB answer
 * costs a few milliseconds of the event loop.
 */
export function compressJson() {
  return (req: Request, res: Response, next: NextFunction) => {
    // Express routes paths in any letter case (/api/AUTH/refresh reaches the auth controller): compare lower-cased
    const path = req.path.toLowerCase();
    if (path.startsWith('/api/auth/') || !path.startsWith('/api/')) return next();
    const json = res.json.bind(res);
    res.json = (body: unknown) => {
      res.vary('Accept-Encoding');
      // brotli whenever accepted (browsers list gzip first, but do not prefer it), else gzip
      const encoding = req.acceptsEncodings('br') === 'br' ? 'br' : req.acceptsEncodings('gzip') === 'gzip' ? 'gzip' : null;
      if (encoding) {
        const send = res.send.bind(res);
        // res.json serialises and calls res.send once with the text: compress that text.
        res.send = (chunk: unknown) => {
          res.send = send;
          if (typeof chunk !== 'string' || Buffer.byteLength(chunk) < MIN_COMPRESSED_JSON_BYTES || res.getHeader('Content-Encoding')) {
            return send(chunk);
          }
          const compressed =
            encoding === 'br'
              ? brotliCompressSync(chunk, {
                  params: {
                    [constants.BROTLI_PARAM_QUALITY]: 4,
                    [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
                    [constants.BROTLI_PARAM_SIZE_HINT]: Buffer.byteLength(chunk),
                  },
                })
              : gzipSync(chunk);
          res.setHeader('Content-Encoding', encoding);
          // (a string got "; charset=utf-8" from res.send; a Buffer would not)
          res.setHeader('Content-Type', 'application/json; charset=utf-8');
          return send(compressed);
        };
      }
      return json(body);
    };
    next();
  };
}
