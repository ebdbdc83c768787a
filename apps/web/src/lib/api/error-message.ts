import type { TFunction } from 'i18next';
import { isApiRequestError, NETWORK_ERROR } from './api-error';

/**
 * The API's answer while its database is away (`SERVICE_UNAVAILABLE`, with Retry-After), and what a
 * proxy in front of it answers when the API itself is away: "try again", not "server error".
 */
const UNAVAILABLE_STATUSES = new Set([502, 503, 504]);

function isServiceUnavailable(error: unknown): boolean {
  return isApiRequestError(error) && (error.code === 'SERVICE_UNAVAILABLE' || UNAVAILABLE_STATUSES.has(error.status));
}

/** A sentence for the user about a failed call: by the API's stable code when the catalogue knows it. */
export function errorMessage(t: TFunction, error: unknown): string {
  if (isApiRequestError(error)) {
    if (error.code === NETWORK_ERROR) return t('errors.NETWORK_ERROR');
    if (isServiceUnavailable(error)) return t('errors.SERVICE_UNAVAILABLE');
    const key = `errors.${error.code}`;
    const text = t(key, { defaultValue: '' });
    if (text) return text;
    if (error.status >= 500) return t('errors.server');
    return t('errors.generic', { status: error.status });
  }
  return t('errors.unexpected');
}
