import { HttpStatus } from '@nestjs/common';

/** A field-level problem, shown beside the field in the UI. */
export interface FieldProblem {
  field: string;
  /** for developers, in English */
  messages: string[];
  /**
   * for the web, one per message: a `FIELD_ERROR_CODES` code (libs/contracts) or a domain error
   * code; when left out, the error filter fills in the error's own code (`INVALID` for a 400)
   */
  codes?: string[];
  /** the limits the texts name (`max` of TOO_LONG, `min`/`max` of OUT_OF_RANGE) */
  params?: Record<string, number>;
}

export interface ErrorDefinition {
  status: HttpStatus;
  message: string;
}

/**
 * A domain error with a stable code. Features declare their codes with `defineErrors` (in
 * `<feature>.errors.ts`); the code carries its HTTP status, and one filter turns it into the
 * JSON error shape. Services throw these, never HTTP exceptions.
 */
export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly status: HttpStatus,
    message: string,
    readonly details?: FieldProblem[],
  ) {
    super(message);
    this.name = 'AppError';
  }

  /** what the caller needs to act on this error beyond field problems (a duplicate's candidates, an import's report): the body's `data` */
  data?: Record<string, unknown>;

  /** The same error carrying `data` (written to the body as is: keep it free of what the caller may not read). */
  withData(data: Record<string, unknown>): this {
    this.data = data;
    return this;
  }
}

export type ErrorFactory = ((message?: string, details?: FieldProblem[]) => AppError) & { code: string; status: HttpStatus };

/** Declares a feature's error codes: `const E = defineErrors({ X_LOCKED: { status: 409, message: '…' } }); throw E.X_LOCKED();` */
export function defineErrors<K extends string>(definitions: Record<K, ErrorDefinition>): Record<K, ErrorFactory> {
  const out = {} as Record<K, ErrorFactory>;
  for (const code of Object.keys(definitions) as K[]) {
    const def = definitions[code];
    const factory = ((message?: string, details?: FieldProblem[]) =>
      new AppError(code, def.status, message ?? def.message, details)) as ErrorFactory;
    factory.code = code;
    factory.status = def.status;
    out[code] = factory;
  }
  return out;
}

/** Errors every feature shares. "Not found" and "not yours" are the same error on purpose. */
export const CommonErrors = defineErrors({
  NOT_FOUND: { status: HttpStatus.NOT_FOUND, message: 'Not found' },
  FORBIDDEN: { status: HttpStatus.FORBIDDEN, message: 'Your role does not allow this action' },
  UNAUTHENTICATED: { status: HttpStatus.UNAUTHORIZED, message: 'Sign in to continue' },
  /** the caller signed in with a temporary password: only the change (and me, sign-out) is open until they change it */
  PASSWORD_CHANGE_REQUIRED: { status: HttpStatus.FORBIDDEN, message: 'Change your temporary password before anything else' },
  VALIDATION_FAILED: { status: HttpStatus.BAD_REQUEST, message: 'The request is not valid' },
  STALE_VERSION: {
    status: HttpStatus.CONFLICT,
    message: 'This record was changed by someone else since you loaded it: reload it and apply your change again',
  },
  CONFLICT: { status: HttpStatus.CONFLICT, message: 'The request conflicts with the current state' },
  BODY_TOO_DEEP: {
    status: HttpStatus.BAD_REQUEST,
    message: 'The request body nests arrays and objects too deeply',
  },
  INVALID_TEXT: { status: HttpStatus.BAD_REQUEST, message: 'The request contains text that is not valid Unicode' },
  UNSUPPORTED_MEDIA_TYPE: { status: HttpStatus.UNSUPPORTED_MEDIA_TYPE, message: 'JSON request bodies must be encoded as UTF-8' },
  SERVICE_UNAVAILABLE: {
    status: HttpStatus.SERVICE_UNAVAILABLE,
    message: 'The service is temporarily unavailable: try again in a few seconds',
  },
});
