import { zodResolver } from '@hookform/resolvers/zod';
import { INDICATOR_SOURCE_NOTE_MAX, INDICATOR_VALUE_MAX, parsePeriod, TERRITORY_PARAM_PATTERN } from '@trama/contracts';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { Alert } from '../../../components/alert';
import { SaveErrorAlert } from '../../../components/save-error-alert';
import { SelectField, TextAreaField, TextField } from '../../../components/form-field';
import { useSessionUser } from '../../../lib/auth/session';
import { applyServerFieldErrors, fieldErrorText } from '../../../lib/forms/form-errors';
import { useCreateIndicatorValue } from '../api/indicator-values';
import type { IndicatorValueDto } from '../api/types';
import { ownTerritory, formatTerritoryParam } from '../utils/territory-param';
import { parseDecimal } from './indicator-form-schema';
import { useTerritoryChoices } from './territory-select';

export const valueEntrySchema = z.object({
  territory: z.string().refine((v) => TERRITORY_PARAM_PATTERN.test(v), { error: 'validation.required' }),
  period: z.string().refine((v) => parsePeriod(v.trim()) !== null, { error: 'validation.server.INVALID' }),
  value: z.string().refine((v) => Math.abs(parseDecimal(v)) <= INDICATOR_VALUE_MAX, { error: 'validation.server.INVALID' }),
  note: z.string().refine((v) => v.trim().length <= INDICATOR_SOURCE_NOTE_MAX, { error: 'validation.tooLong' }),
});
type ValueEntryValues = z.infer<typeof valueEntrySchema>;

/** A manual value of one indicator: territory, period, value, source note. It is saved as a draft for a coordinator to validate. */
export function ValueEntryForm({ code }: { code: string }) {
  const { t } = useTranslation();
  const user = useSessionUser();
  const choices = useTerritoryChoices(user);
  const create = useCreateIndicatorValue();
  const [unmatched, setUnmatched] = useState<string[]>([]);
  const [saved, setSaved] = useState<IndicatorValueDto | null>(null);
  const own = ownTerritory(user);
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors },
  } = useForm<ValueEntryValues>({
    resolver: zodResolver(valueEntrySchema),
    defaultValues: { territory: own ? formatTerritoryParam(own) : 'tenant', period: String(new Date().getFullYear()), value: '', note: '' },
  });
  const err = (e: Parameters<typeof fieldErrorText>[1]) => fieldErrorText(t, e);
  const submit = handleSubmit((v) => {
    setUnmatched([]);
    setSaved(null);
    create.mutate(
      {
        code,
        body: {
          territory: v.territory,
          period: parsePeriod(v.period.trim())!.code,
          value: parseDecimal(v.value),
          note: v.note.trim() || null,
        },
      },
      {
        onSuccess: (value) => {
          setSaved(value);
          reset({ ...v, value: '', note: '' });
        },
        onError: (error) => setUnmatched(applyServerFieldErrors(error, setError, ['territory', 'period', 'value', 'note'])),
      },
    );
  });
  return (
    <form className="form stack" onSubmit={(e) => void submit(e)} noValidate>
      {saved ? (
        <Alert tone="success">{t('indicators.values.saved', { status: t(`indicators.values.statuses.${saved.status}`) })}</Alert>
      ) : null}
      {create.isError ? (
        <SaveErrorAlert
          error={create.error}
          conflict={false}
          title={t('indicators.form.saveFailed')}
          fixFields={t('indicators.form.fixFields')}
          unmatched={unmatched}
        />
      ) : null}
      <SelectField label={t('indicators.values.territory')} required error={err(errors.territory)} {...register('territory')}>
        {choices.tenant ? <option value={choices.tenant.value}>{choices.tenant.name}</option> : null}
        {choices.socialAreas.length ? (
          <optgroup label={t('indicators.territory.socialAreas')}>
            {choices.socialAreas.map((c) => (
              <option key={c.value} value={c.value}>
                {c.name}
              </option>
            ))}
          </optgroup>
        ) : null}
        <optgroup label={t('indicators.territory.municipalities')}>
          {choices.municipalities.map((c) => (
            <option key={c.value} value={c.value}>
              {c.name}
            </option>
          ))}
        </optgroup>
      </SelectField>
      <TextField
        label={t('indicators.values.period')}
        hint={t('indicators.values.periodHint')}
        required
        error={err(errors.period)}
        {...register('period')}
      />
      <TextField label={t('indicators.values.value')} inputMode="decimal" required error={err(errors.value)} {...register('value')} />
      <TextAreaField label={t('indicators.values.note')} error={err(errors.note)} {...register('note')} />
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={create.isPending}>
          {t('indicators.values.save')}
        </button>
      </div>
    </form>
  );
}
