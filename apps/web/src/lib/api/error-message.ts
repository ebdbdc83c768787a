import type { TFunction } from 'i18next';
import { isApiRequestError, NETWORK_ERROR } from './api-error';

/** A sentence for the user about a failed call: by the API's stable code when the catalogue knows it. */
export function errorMessage(t: TFunction, error: unknown): string {
  if (isApiRequestError(error)) {
    if (error.code === NETWORK_ERROR) return t('errors.NETWORK_ERROR');
    const key = `errors.${error.code}`;
    const text = t(key, { defaultValue: '' });
    if (text) return text;
    if (error.status >= 500) return t('errors.server');
    return t('errors.generic', { status: error.status });
  }
  return t('errors.unexpected');
}
