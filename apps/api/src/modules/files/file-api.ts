import { applyDecorators } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiProduces } from '@nestjs/swagger';
import { FILE_MIME_TYPES } from '@trama/contracts';
import { UPLOAD_FIELD } from './upload.interceptor';

/** The largest upload TRAMA_FILE_MAX_BYTES may allow: the document's bound for any file's bytes. */
const MAX_FILE_BYTES = 100 * 1024 * 1024;

/** The request body of an upload: multipart/form-data with one part, `file` (binary). */
export const ApiFileUpload = (description: string) =>
  applyDecorators(
    ApiConsumes('multipart/form-data'),
    ApiBody({
      required: true,
      description: `${description}. The type is decided by the content, not by the name or the part's Content-Type; the size limit is TRAMA_FILE_MAX_BYTES (default 10 MB).`,
      schema: {
        type: 'object',
        required: [UPLOAD_FIELD],
        additionalProperties: false,
        properties: { [UPLOAD_FIELD]: { type: 'string', format: 'binary', maxLength: MAX_FILE_BYTES } },
      },
    }),
  );

const binary = (description: string) => ({ schema: { type: 'string', format: 'binary', maxLength: MAX_FILE_BYTES, description } });

const HEADERS = {
  'Content-Disposition': {
    description: 'inline (images) or attachment (anything else), with the sanitised name as filename and filename*',
    schema: { type: 'string', maxLength: 1000 },
  },
  'X-Content-Type-Options': { description: 'always nosniff', schema: { type: 'string', enum: ['nosniff'] } },
  'Content-Security-Policy': { description: 'runs nothing (sandbox)', schema: { type: 'string', maxLength: 200 } },
  'Cache-Control': { description: 'private: the file was served after an access check', schema: { type: 'string', maxLength: 100 } },
};

/** A stored file's bytes, in the type detected at upload. */
export const ApiFileResponse = (description: string, types: readonly string[] = FILE_MIME_TYPES) =>
  applyDecorators(
    ApiProduces(...types),
    ApiOkResponse({
      description,
      headers: HEADERS,
      content: Object.fromEntries(types.map((t) => [t, binary(`the stored bytes (${t})`)])),
    }),
  );
