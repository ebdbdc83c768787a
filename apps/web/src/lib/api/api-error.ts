import type { Schema } from '@trama/api-client';

/** Every error the API returns has this shape (the document's ApiError); `code` is stable and machine-readable. */
export type ApiError = Schema<'ApiError'>;

export type FieldProblem = NonNullable<ApiError['details']>[number];

/** A failed API call, with the server's stable error shape (or a synthetic one for network failures). */
export class ApiRequestError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: FieldProblem[];
  /** what some errors carry to act on them (a duplicate's candidates, an import's report) */
  readonly data: Record<string, unknown> | undefined;

  constructor(body: ApiError) {
    super(body.message);
    this.name = 'ApiRequestError';
    this.status = body.statusCode;
    this.code = body.code;
    this.details = body.details ?? [];
    this.data = body.data;
  }

  /** The server's English messages for one field (`email`, `territory.code`, …): for logs and tests; the interface shows `fieldProblemTexts`. */
  fieldMessages(field: string): string[] {
    return this.details.filter((d) => d.field === field).flatMap((d) => d.messages);
  }
}

export const NETWORK_ERROR = 'NETWORK_ERROR';

export function isApiRequestError(error: unknown): error is ApiRequestError {
  return error instanceof ApiRequestError;
}

function isApiErrorBody(value: unknown): value is ApiError {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as ApiError).code === 'string' &&
    typeof (value as ApiError).statusCode === 'number'
  );
}

/** An error answer as an ApiRequestError: the API's JSON body when there is one, a generic error otherwise (a proxy's HTML page, an empty 502). */
export function errorFromBody(response: Response, body: unknown): ApiRequestError {
  if (isApiErrorBody(body)) return new ApiRequestError(body);
  return new ApiRequestError({
    statusCode: response.status,
    error: response.statusText || 'Error',
    code: `HTTP_${response.status}`,
    message: `The server answered ${response.status}`,
  });
}

export function networkError(cause: unknown): ApiRequestError {
  const error = new ApiRequestError({
    statusCode: 0,
    error: 'Network Error',
    code: NETWORK_ERROR,
    message: cause instanceof Error ? cause.message : 'Network error',
  });
  return error;
}
