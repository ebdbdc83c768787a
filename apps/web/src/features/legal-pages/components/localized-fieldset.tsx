import type { FieldErrors, FieldValues, Path, UseFormRegister } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { TextAreaField, TextField } from '../../../components/form-field';
import { fieldErrorText } from '../../../lib/forms/form-errors';

interface LocalizedFieldsetProps<T extends FieldValues> {
  legend: string;
  hint?: string;
  /** the field's path, e.g. `siteInfo` or `nonAccessibleContent.0.description` */
  name: string;
  register: UseFormRegister<T>;
  errors: FieldErrors<T>;
  /** a one-line name instead of a paragraph */
  short?: boolean;
}

/** A paragraph of legal text: room for a few lines. */
function ParagraphField(props: Parameters<typeof TextAreaField>[0]) {
  return <TextAreaField rows={6} {...props} />;
}

function errorAt(errors: FieldErrors, path: string) {
  let node: unknown = errors;
  for (const key of path.split('.')) node = (node as Record<string, unknown> | undefined)?.[key];
  return node as { message?: string; type?: string } | undefined;
}

/** One text in Italian (required) and English (optional: empty shows the Italian). */
export function LocalizedFieldset<T extends FieldValues>({ legend, hint, name, register, errors, short }: LocalizedFieldsetProps<T>) {
  const { t } = useTranslation();
  const Field = short ? TextField : ParagraphField;
  const it = `${name}.it` as Path<T>;
  const en = `${name}.en` as Path<T>;
  return (
    <fieldset className="fieldset">
      <legend>{legend}</legend>
      {hint ? <p className="field__hint">{hint}</p> : null}
      <Field
        label={t('legal.edit.italian')}
        lang="it"
        required
        error={fieldErrorText(t, errorAt(errors as FieldErrors, it) as never)}
        {...register(it, { validate: (value: unknown) => (typeof value === 'string' && value.trim() ? true : 'validation.required') })}
      />
      <Field
        label={t('legal.edit.english')}
        hint={t('legal.edit.englishHint')}
        lang="en"
        error={fieldErrorText(t, errorAt(errors as FieldErrors, en) as never)}
        {...register(en)}
      />
    </fieldset>
  );
}
