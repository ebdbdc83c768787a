import { type CallHandler, type ExecutionContext, Inject, Injectable, type NestInterceptor } from '@nestjs/common';
import type { Request, Response } from 'express';
import multer from 'multer';
import type { Observable } from 'rxjs';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { FileErrors } from './files.errors';

/** The multipart field that carries the file. */
export const UPLOAD_FIELD = 'file';

/**
 * Reads one uploaded file of a multipart/form-data request into memory (`req.file`), at most
 * TRAMA_FILE_MAX_BYTES. It is Nest's FileInterceptor (multer, memory storage) with the errors made
 * ours: Nest turns multer's size limit into a 413 without a code and busboy's parse errors into
 * bare 400s; here each is a 400 with a code (FILE_TOO_LARGE names the limit, anything else
 * malformed is FILE_MISSING). Text fields and a second file are refused: the upload is the file.
 */
@Injectable()
export class UploadInterceptor implements NestInterceptor {
  private readonly single: ReturnType<ReturnType<typeof multer>['single']>;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.single = multer({
      storage: multer.memoryStorage(),
      limits: { fileSize: config.fileMaxBytes, files: 1, fields: 0, parts: 1, headerPairs: 20 },
    }).single(UPLOAD_FIELD);
  }

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const http = context.switchToHttp();
    const req = http.getRequest<Request>();
    await new Promise<void>((resolve, reject) =>
      this.single(req, http.getResponse<Response>(), (error: unknown) => {
        if (!error) return resolve();
        const code = (error as { code?: string }).code;
        if (code === 'LIMIT_FILE_SIZE') {
          const mb = Math.floor((this.config.fileMaxBytes / (1024 * 1024)) * 10) / 10;
          return reject(FileErrors.FILE_TOO_LARGE(`The file is larger than the limit of ${mb} MB`));
        }
        reject(FileErrors.FILE_MISSING());
      }),
    );
    return next.handle();
  }
}
