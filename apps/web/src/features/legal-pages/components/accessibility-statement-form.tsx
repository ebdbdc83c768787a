import { ASSESSMENT_METHODS, CONFORMITY_STATUSES, INACCESSIBILITY_REASONS } from '@trama/contracts';
import { useFieldArray } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { SelectField, TextField } from '../../../components/form-field';
import { fieldErrorText } from '../../../lib/forms/form-errors';
import type { AccessibilityStatement, UpdateAccessibilityStatementRequest } from '../api/types';
import { useUpdateAccessibilityStatement } from '../api/update-accessibility-statement';
import { LegalEditForm, required, useLegalPageEdit } from './legal-edit-form';
import { LocalizedFieldset } from './localized-fieldset';

type Values = Omit<UpdateAccessibilityStatementRequest, 'version' | 'feedbackEmail'> & { feedbackEmail: string };

function valuesOf(statement: AccessibilityStatement): Values {
  const { meta: _meta, ...fields } = statement;
  return { ...fields, feedbackEmail: fields.feedbackEmail ?? '' };
}

const FIELDS = [
  'entityName',
  'siteName',
  'siteUrl',
  'conformity',
  'nonAccessibleContent',
  'preparedOn',
  'method',
  'lastReviewedOn',
  'feedbackEmail',
  'enforcementUrl',
  'siteInfo',
] as const;

function toBody(values: Values, version: number): UpdateAccessibilityStatementRequest {
  return { ...values, feedbackEmail: values.feedbackEmail.trim() || null, version };
}

/** The statement's fields in the order of the AgID model; a save sends them all with the loaded version. */
export function AccessibilityStatementForm({ statement, onSaved }: { statement: AccessibilityStatement; onSaved: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateAccessibilityStatement(statement.meta.tenant.istatCode);
  const {
    form: {
      register,
      control,
      formState: { errors },
    },
    onSubmit,
    unmatched,
  } = useLegalPageEdit({ page: statement, valuesOf, toBody, fields: FIELDS, update, onSaved });
  const items = useFieldArray({ control, name: 'nonAccessibleContent' });

  return (
    <LegalEditForm onSubmit={onSubmit} update={update} unmatched={unmatched}>
      <LocalizedFieldset short legend={t('legal.accessibility.field.entityName')} name="entityName" register={register} errors={errors} />
      <LocalizedFieldset short legend={t('legal.accessibility.field.siteName')} name="siteName" register={register} errors={errors} />
      <TextField
        label={t('legal.accessibility.field.siteUrl')}
        type="url"
        required
        error={fieldErrorText(t, errors.siteUrl)}
        {...register('siteUrl', required)}
      />
      <SelectField
        label={t('legal.accessibility.field.conformity')}
        required
        error={fieldErrorText(t, errors.conformity)}
        {...register('conformity')}
      >
        {CONFORMITY_STATUSES.map((status) => (
          <option key={status} value={status}>
            {t(`legal.accessibility.conformityLabel.${status}`)}
          </option>
        ))}
      </SelectField>

      <fieldset className="fieldset">
        <legend>{t('legal.accessibility.nonAccessibleTitle')}</legend>
        {items.fields.length === 0 ? <p className="field__hint">{t('legal.accessibility.field.noItems')}</p> : null}
        {items.fields.map((item, index) => (
          <div key={item.id} className="legal-edit__item">
            <SelectField
              label={t('legal.accessibility.field.reason', { n: index + 1 })}
              required
              error={fieldErrorText(t, errors.nonAccessibleContent?.[index]?.reason)}
              {...register(`nonAccessibleContent.${index}.reason`)}
            >
              {INACCESSIBILITY_REASONS.map((reason) => (
                <option key={reason} value={reason}>
                  {t(`legal.accessibility.reason.${reason}`)}
                </option>
              ))}
            </SelectField>
            <LocalizedFieldset
              legend={t('legal.accessibility.field.description', { n: index + 1 })}
              name={`nonAccessibleContent.${index}.description`}
              register={register}
              errors={errors}
            />
            <div>
              <button type="button" className="button button--secondary" onClick={() => items.remove(index)}>
                {t('legal.accessibility.field.removeItem', { n: index + 1 })}
              </button>
            </div>
          </div>
        ))}
        <div>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => items.append({ reason: 'non_compliance', description: { it: '', en: '' } })}
          >
            {t('legal.accessibility.field.addItem')}
          </button>
        </div>
      </fieldset>

      <div className="grid-2">
        <TextField
          label={t('legal.accessibility.field.preparedOn')}
          type="date"
          required
          error={fieldErrorText(t, errors.preparedOn)}
          {...register('preparedOn', required)}
        />
        <TextField
          label={t('legal.accessibility.field.lastReviewedOn')}
          type="date"
          required
          error={fieldErrorText(t, errors.lastReviewedOn)}
          {...register('lastReviewedOn', required)}
        />
      </div>
      <SelectField label={t('legal.accessibility.field.method')} required error={fieldErrorText(t, errors.method)} {...register('method')}>
        {ASSESSMENT_METHODS.map((method) => (
          <option key={method} value={method}>
            {t(`legal.accessibility.methodLabel.${method}`)}
          </option>
        ))}
      </SelectField>
      <TextField
        label={t('legal.accessibility.field.feedbackEmail')}
        hint={t('legal.accessibility.field.feedbackEmailHint')}
        type="email"
        error={fieldErrorText(t, errors.feedbackEmail)}
        {...register('feedbackEmail')}
      />
      <TextField
        label={t('legal.accessibility.field.enforcementUrl')}
        type="url"
        required
        error={fieldErrorText(t, errors.enforcementUrl)}
        {...register('enforcementUrl', required)}
      />
      <LocalizedFieldset legend={t('legal.accessibility.siteInfoTitle')} name="siteInfo" register={register} errors={errors} />
    </LegalEditForm>
  );
}
