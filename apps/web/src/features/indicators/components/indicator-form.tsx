import { zodResolver } from '@hookform/resolvers/zod';
import {
  COMPUTED_INDICATORS,
  INDICATOR_AGGREGATIONS,
  INDICATOR_DECIMALS_MAX,
  INDICATOR_DIRECTIONS,
  INDICATOR_KINDS,
  INDICATOR_SOURCES,
  INDICATOR_UNITS,
} from '@trama/contracts';
import { useId, useState } from 'react';
import { useFieldArray, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { SaveErrorAlert } from '../../../components/save-error-alert';
import { SelectField, TextAreaField, TextField } from '../../../components/form-field';
import { isApiRequestError } from '../../../lib/api/api-error';
import { useSessionUser } from '../../../lib/auth/session';
import { applyServerFieldErrors, fieldErrorText } from '../../../lib/forms/form-errors';
import { useSaveIndicator } from '../api/save-indicator';
import type { IndicatorDefinitionDto } from '../api/types';
import {
  indicatorFormDefaults,
  indicatorSchema,
  toCreateRequest,
  toTargets,
  toUpdateRequest,
  type IndicatorFormValues,
} from './indicator-form-schema';
import { useTerritoryChoices } from './territory-select';

const FIELDS = [
  'code',
  'nameIt',
  'nameEn',
  'descriptionIt',
  'descriptionEn',
  'unit',
  'kind',
  'timeAggregation',
  'territoryAggregation',
  'direction',
  'perCapita',
  'decimals',
  'baselineValue',
  'baselineYear',
  'source',
  'computation',
  'active',
  'targets',
] as const;

/**
 * A definition (coordinators): names in both languages, unit, kind, aggregations, direction,
 * per-capita flag, baseline, source (and its computation), and the targets per year and territory
 * (a metropolitan target, optionally split per social area or municipality). The code and the
 * source are chosen once.
 */
export function IndicatorForm({
  indicator,
  onDone,
  onCancel,
}: {
  indicator?: IndicatorDefinitionDto;
  onDone: (saved: IndicatorDefinitionDto) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const user = useSessionUser();
  const choices = useTerritoryChoices(user);
  const save = useSaveIndicator();
  const targetsId = useId();
  const [unmatched, setUnmatched] = useState<string[]>([]);
  const defaults = indicatorFormDefaults(indicator);
  const {
    register,
    control,
    handleSubmit,
    setError,
    formState: { errors, dirtyFields },
  } = useForm<IndicatorFormValues>({ resolver: zodResolver(indicatorSchema), defaultValues: defaults });
  const targets = useFieldArray({ control, name: 'targets' });
  const source = useWatch({ control, name: 'source' });
  const err = (e: Parameters<typeof fieldErrorText>[1]) => fieldErrorText(t, e);

  const submit = handleSubmit((values) => {
    setUnmatched([]);
    const targetsChanged = !indicator || Boolean(dirtyFields.targets) || values.targets.length !== defaults.targets.length;
    save.mutate(
      {
        code: indicator?.code,
        definition: indicator ? toUpdateRequest(values, indicator.version) : toCreateRequest(values),
        targets: targetsChanged && (indicator || values.targets.length) ? toTargets(values) : null,
      },
      {
        onSuccess: onDone,
        onError: (error) => setUnmatched(applyServerFieldErrors(error, setError, FIELDS)),
      },
    );
  });

  const conflict = isApiRequestError(save.error) && save.error.status === 409;
  const option = (prefix: string) => (value: string) => (
    <option key={value} value={value}>
      {t(`${prefix}.${value}`)}
    </option>
  );

  return (
    <form className="form stack" onSubmit={(e) => void submit(e)} noValidate>
      {save.isError ? (
        <SaveErrorAlert
          error={save.error}
          conflict={conflict}
          title={t('indicators.form.saveFailed')}
          fixFields={t('indicators.form.fixFields')}
          unmatched={unmatched}
        />
      ) : null}
      {indicator ? null : (
        <TextField
          label={t('indicators.form.code')}
          hint={t('indicators.form.codeHint')}
          required
          error={err(errors.code)}
          {...register('code')}
        />
      )}
      <div className="grid-2">
        <TextField label={t('indicators.form.nameIt')} required error={err(errors.nameIt)} {...register('nameIt')} />
        <TextField label={t('indicators.form.nameEn')} required error={err(errors.nameEn)} {...register('nameEn')} />
      </div>
      <div className="grid-2">
        <TextAreaField label={t('indicators.form.descriptionIt')} error={err(errors.descriptionIt)} {...register('descriptionIt')} />
        <TextAreaField label={t('indicators.form.descriptionEn')} error={err(errors.descriptionEn)} {...register('descriptionEn')} />
      </div>
      <div className="grid-2">
        <SelectField label={t('indicators.form.unit')} error={err(errors.unit)} {...register('unit')}>
          {INDICATOR_UNITS.map(option('indicators.units'))}
        </SelectField>
        <SelectField label={t('indicators.form.kind')} error={err(errors.kind)} {...register('kind')}>
          {INDICATOR_KINDS.map(option('indicators.kinds'))}
        </SelectField>
        <SelectField label={t('indicators.form.timeAggregation')} error={err(errors.timeAggregation)} {...register('timeAggregation')}>
          {INDICATOR_AGGREGATIONS.map(option('indicators.aggregations'))}
        </SelectField>
        <SelectField
          label={t('indicators.form.territoryAggregation')}
          error={err(errors.territoryAggregation)}
          {...register('territoryAggregation')}
        >
          {INDICATOR_AGGREGATIONS.map(option('indicators.aggregations'))}
        </SelectField>
        <SelectField label={t('indicators.form.direction')} error={err(errors.direction)} {...register('direction')}>
          {INDICATOR_DIRECTIONS.map(option('indicators.directions'))}
        </SelectField>
        <SelectField label={t('indicators.form.decimals')} error={err(errors.decimals)} {...register('decimals')}>
          {Array.from({ length: INDICATOR_DECIMALS_MAX + 1 }, (_, i) => (
            <option key={i} value={String(i)}>
              {i}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t('indicators.form.baselineValue')}
          inputMode="decimal"
          error={err(errors.baselineValue)}
          {...register('baselineValue')}
        />
        <TextField
          label={t('indicators.form.baselineYear')}
          inputMode="numeric"
          error={err(errors.baselineYear)}
          {...register('baselineYear')}
        />
        {indicator ? null : (
          <SelectField label={t('indicators.form.source')} error={err(errors.source)} {...register('source')}>
            {INDICATOR_SOURCES.map(option('indicators.sources'))}
          </SelectField>
        )}
        {source === 'computed' ? (
          <SelectField label={t('indicators.form.computation')} required error={err(errors.computation)} {...register('computation')}>
            <option value="">—</option>
            {COMPUTED_INDICATORS.map(option('indicators.computations'))}
          </SelectField>
        ) : null}
      </div>
      <label className="check">
        <input type="checkbox" {...register('perCapita')} />
        {t('indicators.form.perCapita')}
      </label>
      <label className="check">
        <input type="checkbox" {...register('active')} />
        {t('indicators.form.active')}
      </label>

      <fieldset className="fieldset stack" aria-describedby={targetsId}>
        <legend>{t('indicators.form.targets')}</legend>
        <p id={targetsId} className="muted">
          {t('indicators.form.targetsLead')}
        </p>
        {targets.fields.length === 0 ? <p>{t('indicators.form.noTargets')}</p> : null}
        {targets.fields.map((field, index) => (
          <div key={field.id} className="target-row" role="group" aria-label={t('indicators.form.targetRow', { index: index + 1 })}>
            <TextField
              label={t('indicators.form.targetYear')}
              inputMode="numeric"
              error={err(errors.targets?.[index]?.year)}
              {...register(`targets.${index}.year`)}
            />
            <SelectField
              label={t('indicators.form.targetTerritory')}
              error={err(errors.targets?.[index]?.territory)}
              {...register(`targets.${index}.territory`)}
            >
              {choices.tenant ? <option value={choices.tenant.value}>{choices.tenant.name}</option> : null}
              <optgroup label={t('indicators.territory.socialAreas')}>
                {choices.socialAreas.map((c) => (
                  <option key={c.value} value={c.value}>
                    {c.name}
                  </option>
                ))}
              </optgroup>
              <optgroup label={t('indicators.territory.municipalities')}>
                {choices.municipalities.map((c) => (
                  <option key={c.value} value={c.value}>
                    {c.name}
                  </option>
                ))}
              </optgroup>
            </SelectField>
            <TextField
              label={t('indicators.form.targetValue')}
              inputMode="decimal"
              error={err(errors.targets?.[index]?.value)}
              {...register(`targets.${index}.value`)}
            />
            <button type="button" className="button button--ghost button--small" onClick={() => targets.remove(index)}>
              {t('indicators.form.removeTarget', { index: index + 1 })}
            </button>
          </div>
        ))}
        <p>
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => targets.append({ year: String(new Date().getFullYear()), territory: 'tenant', value: '' })}
          >
            {t('indicators.form.addTarget')}
          </button>
        </p>
      </fieldset>

      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={save.isPending}>
          {t('indicators.form.save')}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t('indicators.form.cancel')}
        </button>
      </div>
    </form>
  );
}
