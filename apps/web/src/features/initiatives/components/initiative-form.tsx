import { zodResolver } from '@hookform/resolvers/zod';
import { FUNDING_SOURCES, INITIATIVE_STATUSES, THEMES } from '@trama/contracts';
import { useMemo, useState, type ReactNode, type Ref } from 'react';
import { Controller, useForm, useWatch, type FieldError } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { SaveErrorAlert } from '../../../components/save-error-alert';
import { SelectField, TextAreaField, TextField } from '../../../components/form-field';
import { isApiRequestError } from '../../../lib/api/api-error';
import type { MunicipalityRef } from '../../../lib/api/types';
import { applyServerFieldErrors, fieldErrorText } from '../../../lib/forms/form-errors';
import { useFormatters } from '../../../lib/i18n/format';
import { useCreateInitiative, useUpdateInitiative } from '../api/save-initiative';
import type { InitiativeDto } from '../api/types';
import '../initiatives.css';
import {
  emptyInitiative,
  INITIATIVE_FIELD_ALIASES,
  INITIATIVE_FIELDS,
  initiativeSchema,
  initiativeValuesOf,
  toCreateRequest,
  toUpdateRequest,
  type InitiativeFormValues,
} from './initiative-form-schema';

/** What the form hands to an organizations field (the organizations feature's picker, given by the route). */
export interface InitiativeOrganizationsFieldProps {
  legend: string;
  value: { id: string; name: string }[];
  onChange: (value: { id: string; name: string }[]) => void;
  municipality: string;
  municipalities: MunicipalityRef[];
  error?: string;
  ref?: Ref<HTMLInputElement>;
}

interface InitiativeFormProps {
  initiative?: InitiativeDto;
  /** every municipality of the tenant (the others involved) */
  municipalities: MunicipalityRef[];
  /** where the user may put the main municipality (an innovator: their assigned ones) */
  mainMunicipalities: MunicipalityRef[];
  renderOrganizations?: (props: InitiativeOrganizationsFieldProps) => ReactNode;
  onDone: (initiative: InitiativeDto) => void;
  onCancel: () => void;
}

function newClientId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** A new initiative or the edit of one. Phone first: one column, native inputs; the server's field problems beside the fields. */
export function InitiativeForm({
  initiative,
  municipalities,
  mainMunicipalities,
  renderOrganizations,
  onDone,
  onCancel,
}: InitiativeFormProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  // one clientId per form: a retried save never makes a second initiative
  const [clientId] = useState(newClientId);
  const defaults = useMemo(
    () =>
      initiative ? initiativeValuesOf(initiative) : emptyInitiative(mainMunicipalities.length === 1 ? mainMunicipalities[0].istatCode : ''),
    // the form starts from the record once
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [],
  );
  const {
    register,
    control,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<InitiativeFormValues>({ resolver: zodResolver(initiativeSchema), defaultValues: defaults });
  const create = useCreateInitiative();
  const update = useUpdateInitiative();
  const [failure, setFailure] = useState<{ error: unknown; unmatched: string[] } | null>(null);
  const main = useWatch({ control, name: 'municipality' });
  const sorted = useMemo(() => [...municipalities].sort((a, b) => format.compare(a.name, b.name)), [municipalities, format]);
  const mainOptions = useMemo(() => {
    const list = [...mainMunicipalities];
    if (initiative && !list.some((m) => m.istatCode === initiative.municipality.istatCode)) list.push(initiative.municipality);
    return list.sort((a, b) => format.compare(a.name, b.name));
  }, [mainMunicipalities, initiative, format]);
  const text = (error: FieldError | undefined) => (error?.message?.startsWith('errors.') ? t(error.message) : fieldErrorText(t, error));

  const submit = handleSubmit(async (values) => {
    setFailure(null);
    try {
      const saved = initiative
        ? await update.mutateAsync({ id: initiative.id, body: toUpdateRequest(values, initiative.version) })
        : await create.mutateAsync(toCreateRequest(values, clientId));
      onDone(saved);
    } catch (error) {
      const unmatched = applyServerFieldErrors(error, setError, INITIATIVE_FIELDS, INITIATIVE_FIELD_ALIASES);
      setFailure({ error, unmatched });
    }
  });

  return (
    <form className="initiative-form stack" noValidate onSubmit={(e) => void submit(e)}>
      <p>{t('initiatives.form.requiredNote')}</p>
      {failure ? (
        <SaveErrorAlert
          error={failure.error}
          conflict={isApiRequestError(failure.error) && failure.error.status === 409 && failure.error.code === 'STALE_VERSION'}
          title={t('initiatives.form.failed')}
          fixFields={t('initiatives.form.fixFields')}
          unmatched={failure.unmatched}
        />
      ) : null}
      <TextField label={t('initiatives.fields.title')} required error={text(errors.title)} {...register('title')} />
      {initiative ? null : (
        <SelectField label={t('initiatives.form.initialStatus')} required error={text(errors.status)} {...register('status')}>
          {INITIATIVE_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`vocab.initiativeStatus.${s}`)}
            </option>
          ))}
        </SelectField>
      )}
      <SelectField label={t('initiatives.fields.municipality')} required error={text(errors.municipality)} {...register('municipality')}>
        <option value="">—</option>
        {mainOptions.map((m) => (
          <option key={m.istatCode} value={m.istatCode}>
            {m.name}
          </option>
        ))}
      </SelectField>
      <fieldset className="fieldset">
        <legend>{t('initiatives.form.otherMunicipalities')}</legend>
        <p className="field__hint">{t('initiatives.form.otherMunicipalitiesHint')}</p>
        <div className="initiative-checks">
          {sorted
            .filter((m) => m.istatCode !== main)
            .map((m) => (
              <label key={m.istatCode} className="check">
                <input type="checkbox" value={m.istatCode} {...register('municipalities')} />
                <span>{m.name}</span>
              </label>
            ))}
        </div>
        {errors.municipalities ? <p className="field__error">{text(errors.municipalities as FieldError)}</p> : null}
      </fieldset>
      <TextAreaField label={t('initiatives.fields.description')} rows={4} error={text(errors.description)} {...register('description')} />
      {renderOrganizations ? (
        <>
          <Controller
            control={control}
            name="leadOrganization"
            render={({ field, fieldState }) => (
              <>
                {renderOrganizations({
                  legend: t('initiatives.fields.leadOrganization'),
                  // one lead: the last one chosen replaces it
                  value: field.value,
                  onChange: (value) => field.onChange(value.slice(-1)),
                  municipality: main,
                  municipalities: mainOptions,
                  error: text(fieldState.error),
                  ref: field.ref,
                })}
              </>
            )}
          />
          <Controller
            control={control}
            name="partnerOrganizations"
            render={({ field, fieldState }) => (
              <>
                {renderOrganizations({
                  legend: t('initiatives.fields.partnerOrganizations'),
                  value: field.value,
                  onChange: field.onChange,
                  municipality: main,
                  municipalities: mainOptions,
                  error: text(fieldState.error),
                  ref: field.ref,
                })}
              </>
            )}
          />
        </>
      ) : null}
      <fieldset className="fieldset">
        <legend>{t('initiatives.fields.themes')}</legend>
        <div className="initiative-checks">
          {THEMES.map((theme) => (
            <label key={theme} className="check">
              <input type="checkbox" value={theme} {...register('themes')} />
              <span>{t(`vocab.theme.${theme}`)}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <div className="grid-2">
        <TextField type="date" label={t('initiatives.fields.startDate')} error={text(errors.startDate)} {...register('startDate')} />
        <TextField type="date" label={t('initiatives.fields.endDate')} error={text(errors.endDate)} {...register('endDate')} />
      </div>
      <SelectField label={t('initiatives.fields.fundingSource')} error={text(errors.fundingSource)} {...register('fundingSource')}>
        <option value="">—</option>
        {FUNDING_SOURCES.map((f) => (
          <option key={f} value={f}>
            {t(`vocab.fundingSource.${f}`)}
          </option>
        ))}
      </SelectField>
      <TextField
        label={t('initiatives.fields.fundingAmount')}
        inputMode="decimal"
        error={text(errors.fundingAmount)}
        {...register('fundingAmount')}
      />
      <TextField
        label={t('initiatives.fields.cup')}
        hint={t('initiatives.form.cupHint')}
        autoCapitalize="characters"
        maxLength={20}
        error={text(errors.cup)}
        {...register('cup')}
      />
      <TextField
        label={t('initiatives.fields.beneficiariesCount')}
        inputMode="numeric"
        error={text(errors.beneficiariesCount)}
        {...register('beneficiariesCount')}
      />
      <TextAreaField
        label={t('initiatives.fields.beneficiariesDescription')}
        rows={2}
        error={text(errors.beneficiariesDescription)}
        {...register('beneficiariesDescription')}
      />
      <fieldset className="fieldset">
        <legend>{t('initiatives.fields.location')}</legend>
        <p className="field__hint">{t('initiatives.form.locationHint')}</p>
        <div className="grid-2">
          <TextField label={t('initiatives.form.lat')} inputMode="decimal" error={text(errors.lat)} {...register('lat')} />
          <TextField label={t('initiatives.form.lon')} inputMode="decimal" error={text(errors.lon)} {...register('lon')} />
        </div>
      </fieldset>
      <TextAreaField
        label={t('initiatives.fields.internalNotes')}
        rows={3}
        error={text(errors.internalNotes)}
        {...register('internalNotes')}
      />
      <div className="initiative-status-actions">
        <button type="submit" className="button button--primary" disabled={isSubmitting}>
          {isSubmitting ? t('initiatives.form.saving') : t('initiatives.form.save')}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t('initiatives.form.cancel')}
        </button>
      </div>
    </form>
  );
}
