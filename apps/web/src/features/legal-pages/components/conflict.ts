import { isApiRequestError } from '../../../lib/api/api-error';

/** A stale version: someone saved the page since it was loaded (the reload is already under way). */
export function isConflict(error: unknown): boolean {
  return isApiRequestError(error) && error.status === 409 && error.code === 'STALE_VERSION';
}
