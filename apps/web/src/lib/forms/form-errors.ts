import type { TFunction } from 'i18next';
import type { FieldError, FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { MIN_PASSWORD_LENGTH } from '@trama/contracts';
import { isApiRequestError } from '../api/api-error';
import { fieldProblemText, type FieldProblemCodes } from '../api/error-message';
import { i18n } from '../i18n/i18n';

/**
 * A server field problem set on a form field: its codes and limits, not a sentence, so the text is
 * the catalogue's and follows a change of language while it shows (`server:TOO_LONG?max=200`).
 */
const SERVER = 'server:';

export function serverFieldMessage(problem: FieldProblemCodes): string {
  const params = new URLSearchParams(Object.entries(problem.params ?? {}).map(([k, v]) => [k, String(v)])).toString();
  return `${SERVER}${(problem.codes ?? []).join(',')}${params ? `?${params}` : ''}`;
}

function parseServerFieldMessage(message: string): FieldProblemCodes {
  const [codes, query = ''] = message.slice(SERVER.length).split('?');
  const params = Object.fromEntries([...new URLSearchParams(query)].map(([k, v]) => [k, Number(v)]));
  return { codes: codes ? codes.split(',') : [], params };
}

/** Schemas carry catalogue keys (`validation.required`) as messages, the server its codes; this turns one into text. */
export function fieldErrorText(t: TFunction, error: FieldError | undefined): string | undefined {
  if (!error?.message) return undefined;
  if (error.message.startsWith(SERVER)) return fieldProblemText(t, parseServerFieldMessage(error.message));
  return error.message.startsWith('validation.') ? t(error.message, { min: MIN_PASSWORD_LENGTH }) : error.message;
}

/**
 * Puts the server's per-field problems (400 `details`) beside the fields of the form that has them.
 * Returns the problems of fields the form does not show (as text in the current language), so that
 * the caller can list them.
 */
export function applyServerFieldErrors<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  fields: readonly Path<T>[],
  /** server field names that the form shows under another name (`territory` → `territory.code`) */
  aliases: Partial<Record<string, Path<T>>> = {},
): string[] {
  if (!isApiRequestError(error) || error.details.length === 0) return [];
  const unmatched: string[] = [];
  let first = true;
  for (const problem of error.details) {
    // "municipalities.0" belongs to the "municipalities" field.
    const field = aliases[problem.field] ?? fields.find((f) => problem.field === f || problem.field.startsWith(`${f}.`));
    if (field) {
      setError(field, { type: 'server', message: serverFieldMessage(problem) }, { shouldFocus: first });
      first = false;
    } else {
      unmatched.push(`${problem.field}: ${fieldProblemText(i18n.t, problem)}`);
    }
  }
  return unmatched;
}
