import {
  BUILDING_ACCESSIBILITY,
  BUILDING_CONDITIONS,
  BUILDING_CONSTRAINTS,
  BUILDING_CURRENT_USES,
  BUILDING_OWNERSHIPS,
  SUITABLE_USES,
} from '@trama/contracts';
import { useState } from 'react';
import { Alert } from '../../../components/alert';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { SelectField, TextAreaField, TextField } from '../../../components/form-field';
import { LocationPicker, parseCoordinate, pointOf, type TypedPoint } from '../../../components/location-picker';
import { SaveErrorAlert } from '../../../components/save-error-alert';
import { isApiRequestError } from '../../../lib/api/api-error';
import type { MunicipalityRef } from '../../../lib/api/types';
import { useSessionUser } from '../../../lib/auth/session';
import { applyServerFieldErrors, fieldErrorText } from '../../../lib/forms/form-errors';
import { isOfflineFailure } from '../../../lib/offline/outbox';
import { useFormDraft } from '../../../lib/offline/outbox-draft';
import { newClientId, queuePhotos, queueRecord } from '../../../lib/offline/outbox-queue';
import { useCreateBuilding, useUpdateBuilding } from '../api/save-building';
import type { BuildingDto, CreateBuildingRequest } from '../api/types';
import '../buildings.css';

interface Values {
  municipality: string;
  name: string;
  address: string;
  location: TypedPoint;
  ownership: string;
  owner: string;
  cadastralReference: string;
  indoorAreaM2: string;
  outdoorAreaM2: string;
  condition: string;
  currentUse: string;
  accessibility: string;
  constraints: string[];
  suitableUses: string[];
  anbscCode: string;
  confiscationDecreeDate: string;
  notes: string;
  internalNotes: string;
}

const FIELDS = [
  'municipality',
  'name',
  'address',
  'location',
  'ownership',
  'owner',
  'cadastralReference',
  'indoorAreaM2',
  'outdoorAreaM2',
  'condition',
  'currentUse',
  'accessibility',
  'constraints',
  'suitableUses',
  'anbscCode',
  'confiscationDecreeDate',
  'notes',
  'internalNotes',
] as const;

function valuesOf(b: BuildingDto | undefined, municipality: string): Values {
  return {
    municipality: b?.municipality.istatCode ?? municipality,
    name: b?.name ?? '',
    address: b?.address ?? '',
    location: b?.location ? { lat: String(b.location.lat), lon: String(b.location.lon) } : { lat: '', lon: '' },
    ownership: b?.ownership ?? '',
    owner: b?.owner ?? '',
    cadastralReference: b?.cadastralReference ?? '',
    indoorAreaM2: b?.indoorAreaM2 == null ? '' : String(b.indoorAreaM2),
    outdoorAreaM2: b?.outdoorAreaM2 == null ? '' : String(b.outdoorAreaM2),
    condition: b?.condition ?? '',
    currentUse: b?.currentUse ?? '',
    accessibility: b?.accessibility ?? 'unknown',
    constraints: b?.constraints ?? [],
    suitableUses: b?.suitableUses ?? [],
    anbscCode: b?.anbscCode ?? '',
    confiscationDecreeDate: b?.confiscationDecreeDate ?? '',
    notes: b?.notes ?? '',
    internalNotes: b?.internalNotes ?? '',
  };
}

const orNull = (s: string) => (s.trim() ? s.trim() : null);
const numberOrNull = (s: string) => (s.trim() ? parseCoordinate(s) : null);

/** A building as its form sends it (what the outbox's conflict view compares with the server's version). */
export function buildingFieldsOf(building: BuildingDto): Omit<CreateBuildingRequest, 'clientId'> {
  return bodyOf(valuesOf(building, ''));
}

function bodyOf(v: Values): Omit<CreateBuildingRequest, 'clientId'> {
  const point = pointOf(v.location);
  const confiscated = v.ownership === 'confiscated';
  return {
    municipality: v.municipality,
    name: v.name.trim(),
    address: orNull(v.address),
    location: point,
    ownership: v.ownership as CreateBuildingRequest['ownership'],
    owner: orNull(v.owner),
    cadastralReference: orNull(v.cadastralReference),
    indoorAreaM2: numberOrNull(v.indoorAreaM2),
    outdoorAreaM2: numberOrNull(v.outdoorAreaM2),
    condition: v.condition as CreateBuildingRequest['condition'],
    currentUse: v.currentUse as CreateBuildingRequest['currentUse'],
    accessibility: v.accessibility as CreateBuildingRequest['accessibility'],
    constraints: v.constraints as CreateBuildingRequest['constraints'],
    suitableUses: v.suitableUses as CreateBuildingRequest['suitableUses'],
    anbscCode: confiscated ? orNull(v.anbscCode) : null,
    confiscationDecreeDate: confiscated ? orNull(v.confiscationDecreeDate) || null : null,
    notes: orNull(v.notes),
    internalNotes: orNull(v.internalNotes),
  };
}

interface BuildingFormProps {
  /** absent: a new building */
  building?: BuildingDto;
  /** where the user may map buildings */
  municipalities: readonly MunicipalityRef[];
  onDone: (building: BuildingDto) => void;
  /** the save could not reach the server: it went to the outbox (with the photos) */
  onQueued?: () => void;
}

/** Checkboxes of a closed vocabulary (constraints, suitable uses). */
function CheckGroup({
  legend,
  values,
  label,
  value,
  onChange,
}: {
  legend: string;
  values: readonly string[];
  label: (v: string) => string;
  value: string[];
  onChange: (v: string[]) => void;
}) {
  return (
    <fieldset className="fieldset">
      <legend>{legend}</legend>
      <div className="checks">
        {values.map((v) => (
          <label className="check" key={v}>
            <input
              type="checkbox"
              checked={value.includes(v)}
              onChange={(e) =>
                onChange(e.target.checked ? values.filter((x) => x === v || value.includes(x)) : value.filter((x) => x !== v))
              }
            />
            <span>{label(v)}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/**
 * A building's form, phone first: one column, the point by tap or typed, the confiscation fields
 * only for confiscated assets. Saves once (clientId kept across retries); the server's field
 * problems show beside the fields.
 */
export function BuildingForm({ building, municipalities, onDone, onQueued }: BuildingFormProps) {
  const { t } = useTranslation();
  const user = useSessionUser();
  const [clientId] = useState(newClientId);
  const [photos, setPhotos] = useState<File[]>([]);
  const [unmatched, setUnmatched] = useState<string[]>([]);
  const create = useCreateBuilding();
  const update = useUpdateBuilding(building?.id ?? '');
  const save = building ? update : create;
  const form = useForm<Values>({ defaultValues: valuesOf(building, municipalities.length === 1 ? municipalities[0].istatCode : '') });
  const {
    register,
    control,
    handleSubmit,
    setError,
    formState: { errors },
  } = form;
  const draft = useFormDraft(`building:${building?.id ?? 'new'}:${user.id}`, form);
  const [municipality, ownership] = useWatch({ control, name: ['municipality', 'ownership'] });
  const required = { required: t('validation.required') };

  const submit = handleSubmit((values) => {
    setUnmatched([]);
    const body = bodyOf(values);
    const onError = (error: unknown) =>
      setUnmatched(applyServerFieldErrors<Values>(error, setError, FIELDS, { 'location.lat': 'location', 'location.lon': 'location' }));
    // the server could not be reached: the building (and its photos) go to the outbox
    const queue = async () => {
      await queueRecord({
        userId: user.id,
        kind: 'building',
        ...(building ? { recordId: building.id, version: building.version, baseline: buildingFieldsOf(building) } : { clientId }),
        fields: body,
        label: body.name,
      });
      if (photos.length > 0) await queuePhotos(user.id, photos, building ? { recordId: building.id } : { parentClientId: clientId });
      await draft.clear();
      onQueued?.();
    };
    const fail = (error: unknown) => (isOfflineFailure(error) ? void queue() : onError(error));
    const done = async (saved: BuildingDto) => {
      // the photos chosen here are sent by the outbox (resized, idempotent), like those taken offline
      if (photos.length > 0) await queuePhotos(user.id, photos, { recordId: saved.id });
      await draft.clear();
      onDone(saved);
    };
    if (typeof navigator !== 'undefined' && navigator.onLine === false) return queue();
    if (building) update.mutate({ ...body, version: building.version }, { onSuccess: (b) => void done(b), onError: fail });
    else create.mutate({ ...body, clientId }, { onSuccess: (b) => void done(b), onError: fail });
  });

  const conflict = isApiRequestError(save.error) && save.error.status === 409;
  return (
    <form className="stack building-form" onSubmit={(e) => void submit(e)} noValidate>
      {draft.restoredAt ? (
        <Alert tone="info">
          {t('outbox.draftRestored')}{' '}
          <button type="button" className="button button--small button--secondary" onClick={() => void draft.discard()}>
            {t('outbox.draftDiscard')}
          </button>
        </Alert>
      ) : null}
      {save.isError ? (
        <SaveErrorAlert
          error={save.error}
          conflict={Boolean(building) && conflict}
          title={t('buildings.form.notSaved')}
          fixFields={t('buildings.form.fixFields')}
          unmatched={unmatched}
        />
      ) : null}
      <SelectField
        label={t('buildings.fields.municipality')}
        required
        error={fieldErrorText(t, errors.municipality)}
        {...register('municipality', required)}
      >
        <option value="">{t('buildings.form.choose')}</option>
        {municipalities.map((m) => (
          <option key={m.istatCode} value={m.istatCode}>
            {m.name}
          </option>
        ))}
      </SelectField>
      <TextField
        label={t('buildings.fields.name')}
        required
        autoComplete="off"
        error={fieldErrorText(t, errors.name)}
        {...register('name', required)}
      />
      <TextField
        label={t('buildings.fields.address')}
        autoComplete="street-address"
        error={fieldErrorText(t, errors.address)}
        {...register('address')}
      />
      <Controller
        control={control}
        name="location"
        render={({ field }) => (
          <LocationPicker
            municipality={municipality}
            value={field.value}
            onChange={field.onChange}
            legend={t('buildings.fields.location')}
            hint={t('buildings.form.locationHint')}
            errors={{ lat: fieldErrorText(t, errors.location as never) }}
          />
        )}
      />
      <SelectField
        label={t('buildings.fields.ownership')}
        required
        error={fieldErrorText(t, errors.ownership)}
        {...register('ownership', required)}
      >
        <option value="">{t('buildings.form.choose')}</option>
        {BUILDING_OWNERSHIPS.map((v) => (
          <option key={v} value={v}>
            {t(`vocab.buildingOwnership.${v}`)}
          </option>
        ))}
      </SelectField>
      {ownership === 'confiscated' ? (
        <div className="grid-2">
          <TextField
            label={t('buildings.fields.anbscCode')}
            required
            error={fieldErrorText(t, errors.anbscCode)}
            {...register('anbscCode')}
          />
          <TextField
            label={t('buildings.fields.confiscationDecreeDate')}
            required
            type="date"
            error={fieldErrorText(t, errors.confiscationDecreeDate)}
            {...register('confiscationDecreeDate')}
          />
        </div>
      ) : null}
      <TextField
        label={t('buildings.fields.owner')}
        hint={ownership === 'private' ? t('buildings.form.ownerPrivateHint') : undefined}
        error={fieldErrorText(t, errors.owner)}
        {...register('owner')}
      />
      <TextField
        label={t('buildings.fields.cadastralReference')}
        error={fieldErrorText(t, errors.cadastralReference)}
        {...register('cadastralReference')}
      />
      <div className="grid-2">
        <TextField
          label={t('buildings.fields.indoorAreaM2')}
          inputMode="decimal"
          error={fieldErrorText(t, errors.indoorAreaM2)}
          {...register('indoorAreaM2')}
        />
        <TextField
          label={t('buildings.fields.outdoorAreaM2')}
          inputMode="decimal"
          error={fieldErrorText(t, errors.outdoorAreaM2)}
          {...register('outdoorAreaM2')}
        />
      </div>
      <div className="grid-2">
        <SelectField
          label={t('buildings.fields.condition')}
          required
          error={fieldErrorText(t, errors.condition)}
          {...register('condition', required)}
        >
          <option value="">{t('buildings.form.choose')}</option>
          {BUILDING_CONDITIONS.map((v) => (
            <option key={v} value={v}>
              {t(`vocab.buildingCondition.${v}`)}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('buildings.fields.currentUse')}
          required
          error={fieldErrorText(t, errors.currentUse)}
          {...register('currentUse', required)}
        >
          <option value="">{t('buildings.form.choose')}</option>
          {BUILDING_CURRENT_USES.map((v) => (
            <option key={v} value={v}>
              {t(`vocab.buildingCurrentUse.${v}`)}
            </option>
          ))}
        </SelectField>
      </div>
      <SelectField
        label={t('buildings.fields.accessibility')}
        error={fieldErrorText(t, errors.accessibility)}
        {...register('accessibility')}
      >
        {BUILDING_ACCESSIBILITY.map((v) => (
          <option key={v} value={v}>
            {t(`vocab.buildingAccessibility.${v}`)}
          </option>
        ))}
      </SelectField>
      <Controller
        control={control}
        name="constraints"
        render={({ field }) => (
          <CheckGroup
            legend={t('buildings.fields.constraints')}
            values={BUILDING_CONSTRAINTS}
            label={(v) => t(`vocab.buildingConstraint.${v}`)}
            value={field.value}
            onChange={field.onChange}
          />
        )}
      />
      <Controller
        control={control}
        name="suitableUses"
        render={({ field }) => (
          <CheckGroup
            legend={t('buildings.fields.suitableUses')}
            values={SUITABLE_USES}
            label={(v) => t(`vocab.suitableUse.${v}`)}
            value={field.value}
            onChange={field.onChange}
          />
        )}
      />
      <TextAreaField label={t('buildings.fields.notes')} error={fieldErrorText(t, errors.notes)} {...register('notes')} />
      <TextAreaField
        label={t('buildings.fields.internalNotes')}
        hint={t('buildings.form.internalNotesHint')}
        error={fieldErrorText(t, errors.internalNotes)}
        {...register('internalNotes')}
      />
      <div className="field">
        <label className="field__label" htmlFor="building-photos">
          {t('outbox.photos')}
        </label>
        <p className="field__hint" id="building-photos-hint">
          {t('outbox.photosHint')}
        </p>
        <input
          id="building-photos"
          className="input"
          type="file"
          accept="image/jpeg,image/png,image/webp"
          multiple
          aria-describedby="building-photos-hint"
          onChange={(e) => setPhotos(Array.from(e.target.files ?? []))}
        />
      </div>
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={save.isPending}>
          {save.isPending ? t('buildings.form.saving') : t('buildings.form.save')}
        </button>
      </div>
    </form>
  );
}
