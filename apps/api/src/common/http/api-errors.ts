import type { ErrorFactory } from '../errors/app-error';

export const API_ERRORS_KEY = 'trama:apiErrors';

/**
 * The domain errors an operation (or every operation of a controller) may return, beyond the
 * standard ones. The OpenAPI document groups them by their HTTP status and lists each code with
 * its message, in the standard error body (`ApiError`):
 *
 *   @ApiErrors(ActivityErrors.ACTIVITY_NOT_FOUND, CommonErrors.STALE_VERSION, ActivityErrors.ACTIVITY_LOCKED)
 *
 * The standard responses need no declaration: the document adds them from what the guards and
 * filters enforce (openapi/standard-responses.ts): 400 (validation, malformed JSON, oversized
 * body) and 500 everywhere, 401 unless `@Public()`, 403 with `@Roles()`, and the rate-limit
 * headers and Retry-After where a throttler guard applies (which must declare its 429 here).
 */
export function ApiErrors(...errors: ErrorFactory[]): ClassDecorator & MethodDecorator {
  return (target: object, _key?: string | symbol, descriptor?: PropertyDescriptor) => {
    const host: object = descriptor ? (descriptor.value as object) : target;
    const current = (Reflect.getMetadata(API_ERRORS_KEY, host) as ErrorFactory[] | undefined) ?? [];
    Reflect.defineMetadata(API_ERRORS_KEY, [...current, ...errors], host);
  };
}
