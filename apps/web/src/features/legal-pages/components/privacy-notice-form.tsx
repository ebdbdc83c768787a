import { useTranslation } from 'react-i18next';
import { TextField } from '../../../components/form-field';
import { fieldErrorText } from '../../../lib/forms/form-errors';
import type { PrivacyNotice, UpdatePrivacyNoticeRequest } from '../api/types';
import { useUpdatePrivacyNotice } from '../api/update-privacy-notice';
import { LegalEditForm, required, useLegalPageEdit } from './legal-edit-form';
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

function toBody(values: Values, version: number): UpdatePrivacyNoticeRequest {
  return {
    ...values,
    controllerEmail: values.controllerEmail.trim() || null,
    controllerPec: values.controllerPec.trim() || null,
    dpoEmail: values.dpoEmail.trim() || null,
    version,
  };
}

/** The notice's fields in the order of GDPR art. 13; a save sends them all with the loaded version. */
export function PrivacyNoticeForm({ notice, onSaved }: { notice: PrivacyNotice; onSaved: () => void }) {
  const { t } = useTranslation();
  const update = useUpdatePrivacyNotice(notice.meta.tenant.istatCode);
  const {
    form: {
      register,
      formState: { errors },
    },
    onSubmit,
    unmatched,
  } = useLegalPageEdit({ page: notice, valuesOf, toBody, fields: FIELDS, update, onSaved });

  return (
    <LegalEditForm onSubmit={onSubmit} update={update} unmatched={unmatched}>
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
    </LegalEditForm>
  );
}
