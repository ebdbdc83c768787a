import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { ApiErrorDto as ApiError } from './api-error.dto';
import type { Response } from 'express';
import { AppError, CommonErrors, type FieldProblem } from './app-error';
import { isDatabaseUnavailable, RETRY_AFTER_SECONDS } from './database-unavailable';

const STATUS_CODES: Partial<Record<number, string>> = {
  400: 'VALIDATION_FAILED',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
};

function reason(status: number): string {
  const name = HttpStatus[status];
  return name
    ? name
        .split('_')
        .map((w) => w[0] + w.slice(1).toLowerCase())
        .join(' ')
    : 'Error';
}

/** Errors raised by the body parser before the request reaches Nest's pipeline. */
interface BodyParserError {
  type?: string;
  status?: number;
  limit?: number;
  expose?: boolean;
}

/**
 * The codes this filter gives to errors that carry none of their own (beside every `defineErrors`
 * registry's): the web needs a text for each (error-catalogue.spec.ts checks it does).
 */
export const FILTER_CODES: readonly string[] = [
  ...new Set([...Object.values(STATUS_CODES), 'HTTP_ERROR', 'BAD_REQUEST', 'MALFORMED_JSON', 'PAYLOAD_TOO_LARGE', 'INTERNAL']),
] as string[];

/** Every field problem with one code per message (the web shows its text for the code, never the English message). */
function withCodes(details: FieldProblem[], code: string): ApiError['details'] {
  const fallback = code === CommonErrors.VALIDATION_FAILED.code ? 'INVALID' : code;
  return details.map((d) => ({ ...d, codes: d.codes ?? d.messages.map(() => fallback) }));
}

/** Turns any error into the stable JSON shape of ApiError. Unknown errors become a logged 500 that leaks nothing. */
export function toApiError(exception: unknown, logger?: Logger): ApiError {
  if (exception instanceof AppError) {
    return {
      statusCode: exception.status,
      error: reason(exception.status),
      code: exception.code,
      message: exception.message,
      ...(exception.details ? { details: withCodes(exception.details, exception.code) } : {}),
      ...(exception.data ? { data: exception.data } : {}),
    };
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const body = exception.getResponse();
    const message =
      typeof body === 'string'
        ? body
        : Array.isArray((body as { message?: unknown }).message)
          ? (body as { message: string[] }).message.join('; ')
          : String((body as { message?: unknown }).message ?? exception.message);
    const code =
      typeof body === 'object' && body && 'code' in body
        ? String((body as { code: unknown }).code)
        : (STATUS_CODES[status] ?? 'HTTP_ERROR');
    return { statusCode: status, error: reason(status), code, message };
  }
  const parserError = exception as BodyParserError;
  if (parserError && typeof parserError === 'object' && parserError.type === 'entity.parse.failed') {
    return { statusCode: 400, error: 'Bad Request', code: 'MALFORMED_JSON', message: 'The request body is not valid JSON' };
  }
  if (parserError && typeof parserError === 'object' && parserError.type === 'entity.too.large') {
    // Reported as 400 (the API contract treats it as bad input); the code says what happened.
    return {
      statusCode: 400,
      error: 'Bad Request',
      code: 'PAYLOAD_TOO_LARGE',
      message: `The request body is larger than the limit of ${parserError.limit ?? 'the server'} bytes`,
    };
  }
  if (
    parserError &&
    typeof parserError === 'object' &&
    parserError.expose &&
    typeof parserError.status === 'number' &&
    parserError.status < 500
  ) {
    return {
      statusCode: parserError.status,
      error: reason(parserError.status),
      code: STATUS_CODES[parserError.status] ?? 'BAD_REQUEST',
      message: (exception as Error).message,
    };
  }
  if (isDatabaseUnavailable(exception)) {
    // Expected while the database restarts or the network is cut: one line, no stack.
    logger?.warn(`database unavailable: ${exception instanceof Error ? exception.message : String(exception)}`);
    return toApiError(CommonErrors.SERVICE_UNAVAILABLE());
  }
  logger?.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
  return { statusCode: 500, error: 'Internal Server Error', code: 'INTERNAL', message: 'An unexpected error occurred' };
}

@Catch()
export class ApiErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('ApiErrorFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const body = toApiError(exception, this.logger);
    if (response.headersSent) {
      // A streamed response (an export) failed midway: the only honest signal left is to cut the connection.
      response.destroy(exception instanceof Error ? exception : undefined);
      return;
    }
    sendApiError(response, body);
  }
}

/** Writes an error body; a 503 says when to retry. */
export function sendApiError(response: Response, body: ApiError): void {
  if (body.statusCode === 503) response.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
  response.status(body.statusCode).json(body);
}
