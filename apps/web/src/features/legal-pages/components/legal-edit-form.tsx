import type { UseMutationResult } from '@tanstack/react-query';
import { useEffect, useState, type FormEventHandler, type ReactNode } from 'react';
import { useForm, type DefaultValues, type FieldValues, type Path } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { SaveErrorAlert } from '../../../components/save-error-alert';
import { applyServerFieldErrors } from '../../../lib/forms/form-errors';
import { isConflict } from './conflict';

/** A text field that must not be blank (the server trims). */
export const required = { validate: (value: unknown) => (typeof value === 'string' && value.trim() ? true : 'validation.required') };

interface LegalPageEdit<Page extends { meta: { version: number } }, Values extends FieldValues, Body> {
  page: Page;
  /** the form's values from the loaded page (a module function: stable) */
  valuesOf: (page: Page) => Values;
  /** the request body from the form's values and the loaded version */
  toBody: (values: Values, version: number) => Body;
  /** the form's fields, where the server's field problems go (the others are listed in the alert) */
  fields: readonly Path<Values>[];
  update: UseMutationResult<Page, unknown, Body>;
  onSaved: () => void;
}

/**
 * The state of a legal page's edit form: its values from the loaded page (again when a newer
 * version arrives, after a conflict), a save that sends every field with the loaded version, and the
 * server's field problems put beside their fields.
 */
export function useLegalPageEdit<Page extends { meta: { version: number } }, Values extends FieldValues, Body>({
  page,
  valuesOf,
  toBody,
  fields,
  update,
  onSaved,
}: LegalPageEdit<Page, Values, Body>) {
  const [unmatched, setUnmatched] = useState<string[]>([]);
  const form = useForm<Values>({ defaultValues: valuesOf(page) as DefaultValues<Values> });
  const { reset, handleSubmit, setError } = form;

  // A newer version arrived (after a conflict): start from it.
  useEffect(() => {
    reset(valuesOf(page));
  }, [page, reset, valuesOf]);

  const onSubmit = handleSubmit((values) => {
    setUnmatched([]);
    update.mutate(toBody(values, page.meta.version), {
      onSuccess: onSaved,
      onError: (error) => setUnmatched(applyServerFieldErrors(error, setError, fields)),
    });
  });

  return { form, onSubmit, unmatched };
}

interface LegalEditFormProps {
  onSubmit: FormEventHandler<HTMLFormElement>;
  update: { isError: boolean; isPending: boolean; error: unknown };
  unmatched: readonly string[];
  children: ReactNode;
}

/** The frame of a legal page's edit form: the save's error alert, the fields, the save button. */
export function LegalEditForm({ onSubmit, update, unmatched, children }: LegalEditFormProps) {
  const { t } = useTranslation();
  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      {update.isError ? (
        <SaveErrorAlert
          error={update.error}
          conflict={isConflict(update.error)}
          title={t('legal.edit.failed')}
          fixFields={t('legal.edit.fixFields')}
          unmatched={unmatched}
        />
      ) : null}
      {children}
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={update.isPending}>
          {update.isPending ? t('common.saving') : t('common.save')}
        </button>
      </div>
    </form>
  );
}
