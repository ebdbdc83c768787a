import { zodResolver } from '@hookform/resolvers/zod';
import { PROJECT_PROGRAMMES, PROJECT_STATUSES } from '@trama/contracts';
import { type ReactNode, type Ref, useMemo, useState } from 'react';
import { Controller, type FieldError, useFieldArray, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { SelectField, TextAreaField, TextField } from '../../../components/form-field';
import { SaveErrorAlert } from '../../../components/save-error-alert';
import { isApiRequestError } from '../../../lib/api/api-error';
import type { MunicipalityRef } from '../../../lib/api/types';
import { applyServerFieldErrors, fieldErrorText } from '../../../lib/forms/form-errors';
import { useFormatters } from '../../../lib/i18n/format';
import { useCreateProject, useUpdateProject } from '../api/save-project';
import type { ProjectDto } from '../api/types';
import '../projects.css';
import {
  emptyProject,
  PROJECT_FIELDS,
  projectSchema,
  projectValuesOf,
  type ProjectFormValues,
  toCreateRequest,
  toUpdateRequest,
} from './project-form-schema';

/** The organizations picker (the organizations feature's, handed in by the route): the beneficiaries. */
export interface ProjectOrganizationsFieldProps {
  legend: string;
  value: { id: string; name: string }[];
  onChange: (value: { id: string; name: string }[]) => void;
  municipality: string;
  municipalities: MunicipalityRef[];
  error?: string;
  ref?: Ref<HTMLInputElement>;
}

/** A single-record picker (initiatives, buildings), handed in by the route; the form adds each choice to its list. */
export interface ProjectLinkFieldProps {
  label: string;
  value: null;
  onChange: (value: { id: string; name: string } | null) => void;
}

interface ProjectFormProps {
  project?: ProjectDto;
  municipalities: MunicipalityRef[];
  renderOrganizations?: (props: ProjectOrganizationsFieldProps) => ReactNode;
  renderInitiative?: (props: ProjectLinkFieldProps) => ReactNode;
  renderBuilding?: (props: ProjectLinkFieldProps) => ReactNode;
  onDone: (project: ProjectDto) => void;
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

/** A new project or the edit of one (coordinators). Phone first: one column; the server's field problems beside the fields. */
export function ProjectForm({
  project,
  municipalities,
  renderOrganizations,
  renderInitiative,
  renderBuilding,
  onDone,
  onCancel,
}: ProjectFormProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const [clientId] = useState(newClientId);
  const defaults = useMemo(
    () => (project ? projectValuesOf(project) : emptyProject()),
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
  } = useForm<ProjectFormValues>({ resolver: zodResolver(projectSchema), defaultValues: defaults });
  const beneficiaries = useFieldArray({ control, name: 'beneficiaries', keyName: 'key' });
  const documents = useFieldArray({ control, name: 'documents', keyName: 'key' });
  const initiatives = useFieldArray({ control, name: 'initiatives', keyName: 'key' });
  const buildings = useFieldArray({ control, name: 'buildings', keyName: 'key' });
  const create = useCreateProject();
  const update = useUpdateProject();
  const [failure, setFailure] = useState<{ error: unknown; unmatched: string[] } | null>(null);
  const sorted = useMemo(() => [...municipalities].sort((a, b) => format.compare(a.name, b.name)), [municipalities, format]);
  const text = (error: FieldError | undefined) => (error?.message?.startsWith('errors.') ? t(error.message) : fieldErrorText(t, error));

  const submit = handleSubmit(async (values) => {
    setFailure(null);
    try {
      const saved = project
        ? await update.mutateAsync({ id: project.id, body: toUpdateRequest(values, project.version) })
        : await create.mutateAsync(toCreateRequest(values, clientId));
      onDone(saved);
    } catch (error) {
      const unmatched = applyServerFieldErrors(error, setError, PROJECT_FIELDS);
      setFailure({ error, unmatched });
    }
  });

  return (
    <form className="project-form stack" noValidate onSubmit={(e) => void submit(e)}>
      <p>{t('projects.form.requiredNote')}</p>
      {failure ? (
        <SaveErrorAlert
          error={failure.error}
          conflict={isApiRequestError(failure.error) && failure.error.status === 409 && failure.error.code === 'STALE_VERSION'}
          title={t('projects.form.failed')}
          fixFields={t('projects.form.fixFields')}
          unmatched={failure.unmatched}
        />
      ) : null}
      <TextField
        label={t('projects.fields.code')}
        hint={t('projects.form.codeHint')}
        required
        error={text(errors.code)}
        {...register('code')}
      />
      <TextField label={t('projects.fields.title')} required error={text(errors.title)} {...register('title')} />
      <SelectField label={t('projects.fields.programme')} required error={text(errors.programme)} {...register('programme')}>
        {PROJECT_PROGRAMMES.map((p) => (
          <option key={p} value={p}>
            {t(`vocab.projectProgramme.${p}`)}
          </option>
        ))}
      </SelectField>
      <TextField label={t('projects.fields.action')} error={text(errors.action)} {...register('action')} />
      <SelectField label={t('projects.fields.status')} required error={text(errors.status)} {...register('status')}>
        {PROJECT_STATUSES.map((s) => (
          <option key={s} value={s}>
            {t(`vocab.projectStatus.${s}`)}
          </option>
        ))}
      </SelectField>
      <TextField
        label={t('projects.fields.cup')}
        hint={t('projects.form.cupHint')}
        autoCapitalize="characters"
        maxLength={20}
        error={text(errors.cup)}
        {...register('cup')}
      />
      <TextField label={t('projects.fields.rup')} error={text(errors.rup)} {...register('rup')} />
      <TextField label={t('projects.fields.implementingBody')} error={text(errors.implementingBody)} {...register('implementingBody')} />
      <div className="grid-2">
        <TextField type="date" label={t('projects.fields.startDate')} error={text(errors.startDate)} {...register('startDate')} />
        <TextField type="date" label={t('projects.fields.endDate')} error={text(errors.endDate)} {...register('endDate')} />
      </div>
      <TextField
        label={t('projects.fields.expectedInvestment')}
        inputMode="decimal"
        error={text(errors.expectedInvestment)}
        {...register('expectedInvestment')}
      />
      <TextAreaField label={t('projects.fields.description')} rows={4} error={text(errors.description)} {...register('description')} />
      <fieldset className="fieldset">
        <legend>{t('projects.fields.municipalities')}</legend>
        <p className="field__hint">{t('projects.form.municipalitiesHint')}</p>
        <div className="project-checks">
          {sorted.map((m) => (
            <label key={m.istatCode} className="check">
              <input type="checkbox" value={m.istatCode} {...register('municipalities')} />
              <span>{m.name}</span>
            </label>
          ))}
        </div>
        {errors.municipalities ? <p className="field__error">{text(errors.municipalities as FieldError)}</p> : null}
      </fieldset>
      {renderOrganizations ? (
        <Controller
          control={control}
          name="beneficiaries"
          render={({ field, fieldState }) => (
            <div className="stack-tight">
              {renderOrganizations({
                legend: t('projects.fields.beneficiaries'),
                value: field.value.map((b) => ({ id: b.id, name: b.name })),
                // keep the grants typed for the organizations still chosen
                onChange: (value) =>
                  field.onChange(value.map((o) => ({ ...o, amount: field.value.find((b) => b.id === o.id)?.amount ?? '' }))),
                municipality: sorted[0]?.istatCode ?? '',
                municipalities: sorted,
                error: text(fieldState.error as FieldError | undefined),
                ref: field.ref,
              })}
              {beneficiaries.fields.map((b, i) => (
                <TextField
                  key={b.key}
                  label={`${t('projects.form.beneficiaryAmount')} — ${b.name}`}
                  inputMode="decimal"
                  error={text(errors.beneficiaries?.[i]?.amount)}
                  {...register(`beneficiaries.${i}.amount`)}
                />
              ))}
            </div>
          )}
        />
      ) : null}
      {renderInitiative || renderBuilding ? (
        <fieldset className="fieldset stack-tight">
          <legend>{t('projects.form.links')}</legend>
          {renderInitiative ? (
            <>
              {renderInitiative({
                label: t('projects.detail.initiatives'),
                value: null,
                onChange: (v) => {
                  if (v && !initiatives.fields.some((i) => i.id === v.id)) initiatives.append({ id: v.id, title: v.name });
                },
              })}
              <ul className="project-plain-list">
                {initiatives.fields.map((i, n) => (
                  <li key={i.key}>
                    {i.title}{' '}
                    <button type="button" className="button button--secondary button--small" onClick={() => initiatives.remove(n)}>
                      {t('projects.form.removeLink', { name: i.title })}
                    </button>
                  </li>
                ))}
              </ul>
              {errors.initiatives ? <p className="field__error">{text(errors.initiatives as FieldError)}</p> : null}
            </>
          ) : null}
          {renderBuilding ? (
            <>
              {renderBuilding({
                label: t('projects.detail.buildings'),
                value: null,
                onChange: (v) => {
                  if (v && !buildings.fields.some((b) => b.id === v.id)) buildings.append({ id: v.id, name: v.name });
                },
              })}
              <ul className="project-plain-list">
                {buildings.fields.map((b, n) => (
                  <li key={b.key}>
                    {b.name}{' '}
                    <button type="button" className="button button--secondary button--small" onClick={() => buildings.remove(n)}>
                      {t('projects.form.removeLink', { name: b.name })}
                    </button>
                  </li>
                ))}
              </ul>
              {errors.buildings ? <p className="field__error">{text(errors.buildings as FieldError)}</p> : null}
            </>
          ) : null}
        </fieldset>
      ) : null}
      <fieldset className="fieldset stack-tight">
        <legend>{t('projects.fields.documents')}</legend>
        {documents.fields.map((d, i) => (
          <div key={d.key} className="project-document stack-tight">
            <TextField
              label={`${t('projects.form.documentTitle')} ${i + 1}`}
              required
              error={text(errors.documents?.[i]?.title)}
              {...register(`documents.${i}.title`)}
            />
            <TextField
              label={`${t('projects.form.documentUrl')} ${i + 1}`}
              type="url"
              required
              error={text(errors.documents?.[i]?.url)}
              {...register(`documents.${i}.url`)}
            />
            <div>
              <button type="button" className="button button--secondary button--small" onClick={() => documents.remove(i)}>
                {t('projects.form.removeDocument', { n: i + 1 })}
              </button>
            </div>
          </div>
        ))}
        {errors.documents?.message ? <p className="field__error">{text(errors.documents as FieldError)}</p> : null}
        <div>
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => documents.append({ title: '', url: 'https://' })}
          >
            {t('projects.form.addDocument')}
          </button>
        </div>
      </fieldset>
      <div className="project-actions">
        <button type="submit" className="button button--primary" disabled={isSubmitting}>
          {isSubmitting ? t('projects.form.saving') : t('projects.form.save')}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t('projects.form.cancel')}
        </button>
      </div>
    </form>
  );
}
