import type { TFunction } from 'i18next';
import type { FieldError, FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { MIN_PASSWORD_LENGTH } from '@trama/contracts';
import { isApiRequestError } from '../api/api-error';

/** Schemas carry catalogue keys (`validation.required`) as messages; this turns one into text. */
export function fieldErrorText(t: TFunction, error: FieldError | undefined): string | undefined {
  if (!error?.message) return undefined;
  return error.message.startsWith('validation.') ? t(error.message, { min: MIN_PASSWORD_LENGTH }) : error.message;
}

/**
 * Puts the server's per-field problems (400 `details`) beside the fields of the form that has them.
 * Returns the problems of fields the form does not show, so that the caller can list them.
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
    const message = problem.messages.join(' ');
    if (field) {
      setError(field, { type: 'server', message }, { shouldFocus: first });
      first = false;
    } else {
      unmatched.push(`${problem.field}: ${message}`);
    }
  }
  return unmatched;
}
