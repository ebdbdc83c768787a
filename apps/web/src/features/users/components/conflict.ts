import { isApiRequestError } from '../../../lib/api/api-error';

/** A stale version: someone changed the record since it was loaded (the reload is already under way). */
export function isConflict(error: unknown): boolean {
  return isApiRequestError(error) && error.status === 409 && error.code.endsWith('STALE_VERSION');
}
