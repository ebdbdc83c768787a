import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/alert';
import { TextField } from '../../../components/form-field';
import { isApiRequestError } from '../../../lib/api/api-error';
import { errorMessage } from '../../../lib/api/error-message';
import { applyServerFieldErrors, fieldErrorText } from '../../../lib/forms/form-errors';
import type { PrivacyNotice, UpdatePrivacyNoticeRequest } from '../api/types';
import { useUpdatePrivacyNotice } from '../api/update-privacy-notice';
import { isConflict } from './conflict';
import { LocalizedFieldset } from './localized-fieldset';

type Email = 'controllerEmail' | 'controllerPec' | 'dpoEmail';
type Values = Omit<UpdatePrivacyNoticeRequest, 'version' | Email> & Record<Email, string>;

const EMAILS: readonly Email[] = ['controllerEmail', 'controllerPec', 'dpoEmail'];
const SECTIONS = ['purposes', 'legalBasis', 'dataCategories', 'recipients', 'transfers', 'retention', 'rights'] as const;
const FIELDS = ['controllerName', 'controllerAddress', ...EMAILS, ...SECTIONS, 'noticeDate'] as const;

function valuesOf(notice: PrivacyNotice): Values {
  const { meta: _meta, ...fields } = notice;
  return {
    ...fields,
    controllerEmail: fields.controllerEmail ?? '',
    controllerPec: fields.controllerPec ?? '',
    dpoEmail: fields.dpoEmail ?? '',
  };
}

/** The notice's fields in the order of GDPR art. 13; a save sends them all with the loaded version. */
export function PrivacyNoticeForm({ notice, onSaved }: { notice: PrivacyNotice; onSaved: () => void }) {
  const { t } = useTranslation();
  const update = useUpdatePrivacyNotice(notice.meta.tenant.istatCode);
  const [unmatched, setUnmatched] = useState<string[]>([]);
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors },
  } = useForm<Values>({ defaultValues: valuesOf(notice) });

  useEffect(() => {
    reset(valuesOf(notice));
  }, [notice, reset]);

  const onSubmit = handleSubmit((values) => {
    setUnmatched([]);
    const body: UpdatePrivacyNoticeRequest = {
      ...values,
      controllerEmail: values.controllerEmail.trim() || null,
      controllerPec: values.controllerPec.trim() || null,
      dpoEmail: values.dpoEmail.trim() || null,
      version: notice.meta.version,
    };
    update.mutate(body, {
      onSuccess: onSaved,
      onError: (error) => setUnmatched(applyServerFieldErrors(error, setError, FIELDS)),
    });
  });

  const required = { validate: (value: unknown) => (typeof value === 'string' && value.trim() ? true : 'validation.required') };
  const hasFieldErrors = isApiRequestError(update.error) && update.error.details.length > 0;

  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      {update.isError ? (
        <Alert tone="error" title={isConflict(update.error) ? t('common.conflictTitle') : t('legal.edit.failed')}>
          <p>
            {isConflict(update.error) ? t('common.conflict') : hasFieldErrors ? t('legal.edit.fixFields') : errorMessage(t, update.error)}
          </p>
          {unmatched.length ? (
            <ul>
              {unmatched.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          ) : null}
        </Alert>
      ) : null}
      <LocalizedFieldset short legend={t('legal.privacy.controller')} name="controllerName" register={register} errors={errors} />
      <TextField
        label={t('legal.privacy.address')}
        required
        error={fieldErrorText(t, errors.controllerAddress)}
        {...register('controllerAddress', required)}
      />
      {EMAILS.map((field) => (
        <TextField
          key={field}
          label={t(`legal.privacy.field.${field}`)}
          type="email"
          error={fieldErrorText(t, errors[field])}
          {...register(field)}
        />
      ))}
      {SECTIONS.map((section) => (
        <LocalizedFieldset
          key={section}
          legend={t(`legal.privacy.section.${section}`)}
          name={section}
          register={register}
          errors={errors}
        />
      ))}
      <TextField
        label={t('legal.privacy.field.noticeDate')}
        type="date"
        required
        error={fieldErrorText(t, errors.noticeDate)}
        {...register('noticeDate', required)}
      />
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={update.isPending}>
          {update.isPending ? t('common.saving') : t('common.save')}
        </button>
      </div>
    </form>
  );
}
