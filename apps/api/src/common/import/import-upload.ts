import { applyDecorators, type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { IMPORT_MAX_BYTES } from '@trama/contracts';
import type { Request, Response } from 'express';
import multer from 'multer';
import type { Observable } from 'rxjs';
import { IsBoolean } from 'class-validator';
import { Transform } from 'class-transformer';
import { ApiArray, ApiCode, ApiCount, ApiEnum, ApiInt, INT32_MAX } from '../http/api-schema';
import { Optional } from '../http/fields';
import { ImportErrors } from './import.errors';

/** The multipart field that carries the CSV. */
export const IMPORT_FIELD = 'file';

/**
 * Reads the uploaded CSV of an import (multipart/form-data, one part `file`) into memory, at most
 * IMPORT_MAX_BYTES: a larger file is a 400 IMPORT_FILE_TOO_LARGE, anything malformed (no file, a
 * text field, two files) a 400 IMPORT_FILE_INVALID. The CSV itself is read by `readCsv`.
 */
@Injectable()
export class ImportUploadInterceptor implements NestInterceptor {
  private readonly single = multer({
    storage: multer.memoryStorage(),
    limits: { fileSize: IMPORT_MAX_BYTES, files: 1, fields: 0, parts: 1, headerPairs: 20 },
  }).single(IMPORT_FIELD);

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const http = context.switchToHttp();
    const req = http.getRequest<Request>();
    await new Promise<void>((resolve, reject) =>
      this.single(req, http.getResponse<Response>(), (error: unknown) => {
        if (!error) return resolve();
        if ((error as { code?: string }).code === 'LIMIT_FILE_SIZE') {
          return reject(ImportErrors.IMPORT_FILE_TOO_LARGE(`The file is larger than the limit of ${IMPORT_MAX_BYTES} bytes`));
        }
        reject(ImportErrors.IMPORT_FILE_INVALID('Send the CSV file as multipart/form-data in the field "file"'));
      }),
    );
    const file = (req as Request & { file?: { size: number } }).file;
    if (!file || file.size === 0) throw ImportErrors.IMPORT_FILE_INVALID('Send the CSV file as multipart/form-data in the field "file"');
    return next.handle();
  }
}

/** The request body of an import: multipart/form-data with one part, `file`, a CSV. */
export const ApiImportUpload = (description: string) =>
  applyDecorators(
    ApiConsumes('multipart/form-data'),
    ApiBody({
      required: true,
      description: `${description}. UTF-8 (with or without BOM), comma or semicolon separated, at most ${IMPORT_MAX_BYTES} bytes.`,
      schema: {
        type: 'object',
        required: [IMPORT_FIELD],
        additionalProperties: false,
        properties: { [IMPORT_FIELD]: { type: 'string', format: 'binary', maxLength: IMPORT_MAX_BYTES } },
      },
    }),
  );

/** `?dryRun=true`: report only. */
export class ImportQuery {
  @ApiProperty({ type: Boolean, required: false, default: false, description: 'true: report what would happen, write nothing' })
  @Optional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  dryRun?: boolean;
}

@ApiSchema({ name: 'ImportProblem' })
export class ImportProblemDto {
  @ApiCode('^[A-Za-z][A-Za-z0-9]*$', 64, { description: 'the column (field) at fault, or `row`' }) field: string;
  @ApiCode('^[A-Z][A-Z0-9_]*$', 64, { description: 'a field error code or a domain error code (the web shows its text)' }) code: string;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: 'limits or the row it repeats' })
  params?: Record<string, number | string>;
}

@ApiSchema({ name: 'ImportReportRow' })
export class ImportReportRowDto {
  @ApiInt(2, INT32_MAX, { description: 'the line of the file (the header is line 1)' }) row: number;
  @ApiEnum(['create', 'update', 'reject'], 'ImportAction') action: 'create' | 'update' | 'reject';
  @ApiPropertyOptional({
    type: 'string',
    format: 'uuid',
    minLength: 36,
    maxLength: 36,
    description: 'the record updated, or created by the apply',
  })
  id?: string;
  @ApiArray(ImportProblemDto, 100) errors: ImportProblemDto[];
}

@ApiSchema({ name: 'ImportCounts' })
export class ImportCountsDto {
  @ApiCount() create: number;
  @ApiCount() update: number;
  @ApiCount() reject: number;
}

@ApiSchema({ name: 'ImportReport' })
export class ImportReportDto {
  @ApiProperty() dryRun: boolean;
  @ApiProperty({ description: 'true once written' }) applied: boolean;
  @ApiProperty({ type: () => ImportCountsDto }) counts: ImportCountsDto;
  @ApiArray(ImportReportRowDto, 5000) rows: ImportReportRowDto[];
}
