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

/** The server's problem with one field (a 400's `details[]`): its codes and the limits they name. */
export interface FieldProblemCodes {
  codes?: readonly string[];
  params?: Record<string, number>;
}

/**
 * The catalogue's text for a field problem, never the server's English sentence: a field code is
 * `validation.server.<CODE>` (TOO_LONG → "Testo troppo lungo: al massimo 200 caratteri."), a domain
 * code `errors.<CODE>`; an unknown code reads as `validation.server.INVALID`.
 */
export function fieldProblemText(t: TFunction, problem: FieldProblemCodes): string {
  const codes = [...new Set(problem.codes?.length ? problem.codes : ['INVALID'])];
  return codes
    .map(
      (code) =>
        t(`validation.server.${code}`, { defaultValue: '', ...problem.params }) ||
        t(`errors.${code}`, { defaultValue: '' }) ||
        t('validation.server.INVALID'),
    )
    .join(' ');
}

/** The texts of the problems the server reported for one field (`email`, `territory.code`, …). */
export function fieldProblemTexts(t: TFunction, error: unknown, field: string): string[] {
  if (!isApiRequestError(error)) return [];
  return error.details.filter((d) => d.field === field).map((d) => fieldProblemText(t, d));
}
