import {
  ORGANIZATION_KINDS,
  ORGANIZATION_SIZES,
  RESOURCES,
  TARGET_GROUPS,
  THEMES,
  type OrganizationKind,
  type OrganizationSize,
  type Resource,
  type TargetGroup,
  type Theme,
} from '@trama/contracts';
import { useState } from 'react';
import { Controller, type FieldError, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/alert';
import { LocationPicker, parseCoordinate, type TypedPoint } from '../../../components/location-picker';
import { SelectField, TextAreaField, TextField } from '../../../components/form-field';
import { ProblemList } from '../../../components/problem-list';
import { isApiRequestError } from '../../../lib/api/api-error';
import { errorMessage } from '../../../lib/api/error-message';
import type { MunicipalityRef } from '../../../lib/api/types';
import { useSessionUser } from '../../../lib/auth/session';
import { applyServerFieldErrors, fieldErrorText } from '../../../lib/forms/form-errors';
import { isOfflineFailure } from '../../../lib/offline/outbox';
import { useFormDraft } from '../../../lib/offline/outbox-draft';
import { newClientId, queueRecord } from '../../../lib/offline/outbox-queue';
import { useFormatters } from '../../../lib/i18n/format';
import { findDuplicates, useSaveOrganization } from '../api/organizations';
import type { CreateOrganizationRequest, DuplicateCandidate, OrganizationDto } from '../api/types';
import { normalizeTaxCode } from './organization-form-schema';
import '../organizations.css';

interface Values {
  name: string;
  kind: string;
  municipality: string;
  taxCode: string;
  description: string;
  address: string;
  point: TypedPoint;
  themes: Theme[];
  targetGroups: TargetGroup[];
  offers: Resource[];
  needs: Resource[];
  size: string;
  website: string;
  contactConsent: boolean;
  contactName: string;
  contactEmail: string;
  contactPhone: string;
  notes: string;
  internalNotes: string;
  active: boolean;
}

const FIELDS = [
  'name',
  'kind',
  'municipality',
  'taxCode',
  'description',
  'address',
  'point',
  'themes',
  'targetGroups',
  'offers',
  'needs',
  'size',
  'website',
  'contactConsent',
  'contactName',
  'contactEmail',
  'contactPhone',
  'notes',
  'internalNotes',
  'active',
] as const;

function valuesOf(o: OrganizationDto | undefined, municipality: string): Values {
  return {
    name: o?.name ?? '',
    kind: o?.kind ?? '',
    municipality: o?.municipality.istatCode ?? municipality,
    taxCode: o?.taxCode ?? '',
    description: o?.description ?? '',
    address: o?.address ?? '',
    point: { lat: o?.location ? String(o.location.lat) : '', lon: o?.location ? String(o.location.lon) : '' },
    themes: o?.themes ?? [],
    targetGroups: o?.targetGroups ?? [],
    offers: o?.offers ?? [],
    needs: o?.needs ?? [],
    size: o?.size ?? '',
    website: o?.website ?? '',
    contactConsent: o?.contactConsent ?? false,
    contactName: o?.contactName ?? '',
    contactEmail: o?.contactEmail ?? '',
    contactPhone: o?.contactPhone ?? '',
    notes: o?.notes ?? '',
    internalNotes: o?.internalNotes ?? '',
    active: o?.active ?? true,
  };
}

const text = (v: string) => v.trim() || null;

/** An organization as its form sends it (what the outbox's conflict view compares with the server's version). */
export function organizationFieldsOf(organization: OrganizationDto): CreateOrganizationRequest {
  return bodyOf(valuesOf(organization, ''));
}

function bodyOf(v: Values): CreateOrganizationRequest {
  const hasPoint = v.point.lat.trim() !== '' && v.point.lon.trim() !== '';
  return {
    name: v.name.trim(),
    kind: v.kind as OrganizationKind,
    municipality: v.municipality,
    taxCode: normalizeTaxCode(v.taxCode) || null,
    description: text(v.description),
    address: text(v.address),
    location: hasPoint ? { lat: parseCoordinate(v.point.lat), lon: parseCoordinate(v.point.lon) } : null,
    themes: v.themes,
    targetGroups: v.targetGroups,
    offers: v.offers,
    needs: v.needs,
    size: (v.size || null) as OrganizationSize | null,
    website: text(v.website),
    contactConsent: v.contactConsent,
    contactName: v.contactConsent ? text(v.contactName) : null,
    contactEmail: v.contactConsent ? text(v.contactEmail) : null,
    contactPhone: v.contactConsent ? text(v.contactPhone) : null,
    notes: text(v.notes),
    internalNotes: text(v.internalNotes),
    active: v.active,
  };
}

function Checks<T extends string>({
  legend,
  values,
  vocabulary,
  value,
  onChange,
}: {
  legend: string;
  values: readonly T[];
  vocabulary: string;
  value: readonly T[];
  onChange: (next: T[]) => void;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const label = (code: string): string => t(`vocab.${vocabulary}.${code}` as const);
  const selected = new Set(value);
  const sorted = [...values].sort((a, b) => format.compare(label(a), label(b)));
  return (
    <fieldset className="fieldset">
      <legend>{legend}</legend>
      <ul className="checks">
        {sorted.map((code) => (
          <li key={code}>
            <label className="check">
              <input
                type="checkbox"
                checked={selected.has(code)}
                onChange={(e) => onChange(values.filter((c) => (c === code ? e.target.checked : selected.has(c))))}
              />
              <span>{label(code)}</span>
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

interface OrganizationFormProps {
  /** absent: a new organization */
  organization?: OrganizationDto;
  municipalities: MunicipalityRef[];
  onSaved: (organization: OrganizationDto) => void;
  /** the save could not reach the server: it went to the outbox */
  onQueued?: () => void;
}

/**
 * Every field of an organization, one column on a phone. Before saving it asks the server for
 * possible duplicates (same tax code: refused; a similar name nearby: a warning with "save anyway").
 */
export function OrganizationForm({ organization, municipalities, onSaved, onQueued }: OrganizationFormProps) {
  const { t } = useTranslation();
  const user = useSessionUser();
  const [clientId] = useState(newClientId);
  const format = useFormatters();
  const save = useSaveOrganization();
  const [candidates, setCandidates] = useState<DuplicateCandidate[] | null>(null);
  const [unmatched, setUnmatched] = useState<string[]>([]);
  const [checking, setChecking] = useState(false);
  const form = useForm<Values>({ defaultValues: valuesOf(organization, municipalities.length === 1 ? municipalities[0].istatCode : '') });
  const {
    register,
    control,
    handleSubmit,
    setError,
    getValues,
    formState: { errors },
  } = form;
  const draft = useFormDraft(`organization:${organization?.id ?? 'new'}:${user.id}`, form);

  /** The server could not be reached: the organization goes to the outbox (its duplicates are checked when it is sent). */
  const queue = async (values: Values) => {
    const fields = bodyOf(values);
    await queueRecord({
      userId: user.id,
      kind: 'organization',
      ...(organization
        ? { recordId: organization.id, version: organization.version, baseline: organizationFieldsOf(organization) }
        : { clientId }),
      fields,
      label: fields.name,
    });
    await draft.clear();
    onQueued?.();
  };
  const consent = useWatch({ control, name: 'contactConsent' });
  const municipality = useWatch({ control, name: 'municipality' });
  const kinds = [...ORGANIZATION_KINDS].sort((a, b) => format.compare(t(`vocab.organizationKind.${a}`), t(`vocab.organizationKind.${b}`)));

  const write = (values: Values, acknowledgeDuplicates: boolean) => {
    setUnmatched([]);
    const body = { ...bodyOf(values), ...(acknowledgeDuplicates ? { acknowledgeDuplicates: true } : {}) };
    save.mutate(
      { id: organization?.id, body: organization ? { ...body, version: organization.version } : { ...body, clientId } },
      {
        onSuccess: (saved) => {
          void draft.clear();
          onSaved(saved);
        },
        onError: (error) => {
          if (onQueued && isOfflineFailure(error)) {
            void queue(values);
            return;
          }
          if (isApiRequestError(error) && error.code === 'ORGANIZATION_POSSIBLE_DUPLICATE') {
            setCandidates((error.data?.candidates as DuplicateCandidate[] | undefined) ?? []);
            return;
          }
          setUnmatched(
            applyServerFieldErrors(error, setError, FIELDS, { location: 'point', 'location.lat': 'point', 'location.lon': 'point' }),
          );
        },
      },
    );
  };

  const submit = handleSubmit(async (values) => {
    setCandidates(null);
    if (onQueued && typeof navigator !== 'undefined' && navigator.onLine === false) return queue(values);
    const changedIdentity =
      !organization ||
      organization.name !== values.name.trim() ||
      organization.municipality.istatCode !== values.municipality ||
      (organization.taxCode ?? '') !== normalizeTaxCode(values.taxCode);
    if (changedIdentity && values.name.trim() && values.municipality) {
      setChecking(true);
      try {
        const answer = await findDuplicates({
          name: values.name.trim(),
          municipality: values.municipality,
          taxCode: normalizeTaxCode(values.taxCode) || null,
          ...(organization ? { exclude: organization.id } : {}),
        });
        if (answer.candidates.length > 0) {
          setCandidates(answer.candidates);
          if (answer.blocking) setError('taxCode', { type: 'server', message: 'validation.taxCodeTaken' }, { shouldFocus: true });
          return;
        }
      } catch {
        // the check is a courtesy: the save checks again
      } finally {
        setChecking(false);
      }
    }
    write(values, false);
  });

  const err = (field: keyof Values) => fieldErrorText(t, errors[field] as FieldError | undefined);
  const blocking = candidates?.some((c) => c.reason === 'tax_code') ?? false;

  return (
    <form className="stack org-form" onSubmit={(e) => void submit(e)} noValidate>
      {draft.restoredAt ? (
        <Alert tone="info">
          {t('outbox.draftRestored')}{' '}
          <button type="button" className="button button--small button--secondary" onClick={() => void draft.discard()}>
            {t('outbox.draftDiscard')}
          </button>
        </Alert>
      ) : null}
      <TextField
        label={t('organizations.fields.name')}
        required
        {...register('name', { required: 'validation.required' })}
        error={err('name')}
      />
      <SelectField
        label={t('organizations.fields.kind')}
        required
        {...register('kind', { required: 'validation.required' })}
        error={err('kind')}
      >
        <option value="">{t('organizations.form.choose')}</option>
        {kinds.map((k) => (
          <option key={k} value={k}>
            {t(`vocab.organizationKind.${k}`)}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t('organizations.fields.municipality')}
        required
        {...register('municipality', { required: 'validation.required' })}
        error={err('municipality')}
      >
        <option value="">{t('organizations.form.choose')}</option>
        {municipalities.map((m) => (
          <option key={m.istatCode} value={m.istatCode}>
            {m.name}
          </option>
        ))}
      </SelectField>
      <TextField
        label={t('organizations.fields.taxCode')}
        hint={t('organizations.form.taxCodeHint')}
        autoComplete="off"
        {...register('taxCode')}
        error={err('taxCode')}
      />
      <TextField label={t('organizations.fields.address')} autoComplete="street-address" {...register('address')} error={err('address')} />
      <Controller
        control={control}
        name="point"
        render={({ field }) => (
          <LocationPicker
            municipality={municipality}
            value={field.value}
            onChange={field.onChange}
            legend={t('organizations.form.point')}
            hint={t('organizations.form.pointHint')}
            errors={{ lat: err('point') }}
          />
        )}
      />
      <TextAreaField label={t('organizations.fields.description')} {...register('description')} error={err('description')} />
      <Controller
        control={control}
        name="themes"
        render={({ field }) => (
          <Checks
            legend={t('organizations.fields.themes')}
            values={THEMES}
            vocabulary="theme"
            value={field.value}
            onChange={field.onChange}
          />
        )}
      />
      <Controller
        control={control}
        name="targetGroups"
        render={({ field }) => (
          <Checks
            legend={t('organizations.fields.targetGroups')}
            values={TARGET_GROUPS}
            vocabulary="targetGroup"
            value={field.value}
            onChange={field.onChange}
          />
        )}
      />
      <Controller
        control={control}
        name="offers"
        render={({ field }) => (
          <Checks
            legend={t('organizations.fields.offers')}
            values={RESOURCES}
            vocabulary="resource"
            value={field.value}
            onChange={field.onChange}
          />
        )}
      />
      <Controller
        control={control}
        name="needs"
        render={({ field }) => (
          <Checks
            legend={t('organizations.fields.needs')}
            values={RESOURCES}
            vocabulary="resource"
            value={field.value}
            onChange={field.onChange}
          />
        )}
      />
      <SelectField label={t('organizations.fields.size')} {...register('size')} error={err('size')}>
        <option value="">{t('organizations.form.unknown')}</option>
        {ORGANIZATION_SIZES.map((s) => (
          <option key={s} value={s}>
            {t(`vocab.organizationSize.${s}`)}
          </option>
        ))}
      </SelectField>
      <TextField
        label={t('organizations.fields.website')}
        type="url"
        inputMode="url"
        placeholder="https://"
        {...register('website')}
        error={err('website')}
      />
      <fieldset className="fieldset">
        <legend>{t('organizations.form.contact')}</legend>
        <label className="check">
          <input type="checkbox" {...register('contactConsent')} />
          <span>{t('organizations.form.consent')}</span>
        </label>
        {consent ? (
          <>
            <TextField
              label={t('organizations.fields.contactName')}
              autoComplete="off"
              {...register('contactName')}
              error={err('contactName')}
            />
            <TextField
              label={t('organizations.fields.contactEmail')}
              type="email"
              autoComplete="off"
              {...register('contactEmail')}
              error={err('contactEmail')}
            />
            <TextField
              label={t('organizations.fields.contactPhone')}
              type="tel"
              autoComplete="off"
              {...register('contactPhone')}
              error={err('contactPhone')}
            />
          </>
        ) : (
          <p className="field__hint">{t('organizations.form.consentHint')}</p>
        )}
      </fieldset>
      <TextAreaField
        label={t('organizations.fields.notes')}
        hint={t('organizations.form.notesHint')}
        {...register('notes')}
        error={err('notes')}
      />
      <TextAreaField
        label={t('organizations.fields.internalNotes')}
        hint={t('organizations.form.internalNotesHint')}
        {...register('internalNotes')}
        error={err('internalNotes')}
      />
      <label className="check">
        <input type="checkbox" {...register('active')} />
        <span>{t('organizations.fields.active')}</span>
      </label>

      {candidates && candidates.length > 0 ? (
        <section className="duplicates stack-tight" role="alert" aria-labelledby="org-duplicates-title">
          <h2 id="org-duplicates-title">{blocking ? t('organizations.duplicates.blockingTitle') : t('organizations.duplicates.title')}</h2>
          <p>{blocking ? t('errors.ORGANIZATION_TAX_CODE_TAKEN') : t('organizations.duplicates.lead')}</p>
          <ul>
            {candidates.map((c) => (
              <li key={c.id}>
                <a href={`/organizzazioni/${c.id}`} target="_blank" rel="noreferrer">
                  {c.name}
                </a>{' '}
                — {c.municipality.name}
                {c.taxCode ? ` · ${c.taxCode}` : ''}
              </li>
            ))}
          </ul>
          {blocking ? null : (
            <button type="button" className="button button--secondary" disabled={save.isPending} onClick={() => write(getValues(), true)}>
              {t('organizations.duplicates.saveAnyway')}
            </button>
          )}
        </section>
      ) : null}
      {save.isError && !(isApiRequestError(save.error) && save.error.code === 'ORGANIZATION_POSSIBLE_DUPLICATE') ? (
        <Alert tone="error" title={t('organizations.form.failed')}>
          {errorMessage(t, save.error)}
          <ProblemList lines={unmatched} />
        </Alert>
      ) : null}
      <div className="cluster">
        <button type="submit" className="button button--primary" disabled={save.isPending || checking}>
          {save.isPending || checking ? t('organizations.form.saving') : t('organizations.form.save')}
        </button>
      </div>
    </form>
  );
}
